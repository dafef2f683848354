import type { Histogram, NumericStats } from "./cleaning-report";
import type { ImputeStrategy } from "./schemas";

// Statistics over one column's observed values. Pure and deterministic: ties
// are broken the same way every time, so the same data gives the same report
// and the same fitted preprocessing.

const ascending = (a: number, b: number) => a - b;

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : NaN;
}

/** Population standard deviation (divides by n), as z-scoring in scikit-learn does. */
export function std(values: readonly number[]): number {
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return values.length ? Math.sqrt(sum / values.length) : NaN;
}

/** The p-quantile of already sorted values by linear interpolation (NumPy's default, R type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantileSorted([...values].sort(ascending), 0.5);
}

/** The most frequent value; ties go to the smallest number or the first string in code-point order. */
export function mode<T extends number | string>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** The value a numeric strategy fills missing cells with; 0 when nothing was observed. */
export function imputeNumber(values: readonly number[], strategy: ImputeStrategy): number {
  if (values.length === 0) return 0;
  if (strategy === "mean") return mean(values);
  if (strategy === "median") return median(values);
  return mode(values)!;
}

export function numericStats(values: readonly number[]): NumericStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort(ascending);
  return {
    min: sorted[0]!,
    max: sorted.at(-1)!,
    mean: mean(sorted),
    std: std(sorted),
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
  };
}

/** Tukey's fences: values outside [Q1 − k·IQR, Q3 + k·IQR] are outliers (k = 1.5). */
export function iqrFences(stats: Pick<NumericStats, "q1" | "q3">, k = 1.5): { lower: number; upper: number } {
  const iqr = stats.q3 - stats.q1;
  return { lower: stats.q1 - k * iqr, upper: stats.q3 + k * iqr };
}

const MAX_BINS = 20;
const MAX_CATEGORIES = 20;

/**
 * Equal-width bins over [min, max]: 20, or one per distinct value when there
 * are fewer (a 1–10 score then gets ten bars, not twenty with gaps).
 */
export function numericHistogram(
  values: readonly number[],
  stats: Pick<NumericStats, "min" | "max">,
  distinct: number,
): Histogram {
  const bins = stats.max === stats.min ? 1 : Math.max(1, Math.min(MAX_BINS, distinct));
  const width = (stats.max - stats.min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? stats.max : stats.min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    // The top edge belongs to the last bin.
    const i = width === 0 ? 0 : Math.min(bins - 1, Math.floor((v - stats.min) / width));
    counts[i]!++;
  }
  return { kind: "numeric", edges, counts };
}

/** Category counts, most frequent first; beyond 20 categories the rest are summed as "(other)". */
export function categoricalHistogram(values: readonly string[]): Histogram {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = sorted.slice(0, MAX_CATEGORIES);
  const rest = sorted.slice(MAX_CATEGORIES).reduce((n, [, c]) => n + c, 0);
  return {
    kind: "categorical",
    labels: [...shown.map(([l]) => l), ...(rest ? ["(other)"] : [])],
    counts: [...shown.map(([, c]) => c), ...(rest ? [rest] : [])],
  };
}
