/**
 * Drift statistics, as pure functions over counts and samples.
 *
 * - PSI over bins fixed at quantiles of the training split (so each bin held
 *   about the same share of training rows), with ε in place of an empty bin's
 *   share; the usual bands: < 0.1 stable, 0.1–0.25 moderate, > 0.25 drifted.
 * - Two-sample Kolmogorov–Smirnov for numeric features: D (the effect size)
 *   and its asymptotic p-value (Numerical Recipes' effective-n correction).
 * - χ² for categorical features (training vs live counts), with Cramér's V
 *   as the effect size.
 * A p-value alone says little at serving volumes (any difference becomes
 * "significant" with enough requests), so each comes with its effect size
 * and the sample counts.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";

export const PSI_EPSILON = 1e-4;
export type PsiBand = "stable" | "moderate" | "drifted";

export function psiBand(psi: number): PsiBand {
  return psi < 0.1 ? "stable" : psi <= 0.25 ? "moderate" : "drifted";
}

/** Interior bin edges at the quantiles of `values` (sorted copies; duplicate edges merged). */
export function quantileEdges(values: readonly number[], bins = 10): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))]!;
    if (edges.at(-1) !== q) edges.push(q);
  }
  // An edge at the minimum would leave the first bin empty in training.
  return edges.filter((e) => e > sorted[0]!);
}

/** Which bin a value falls in: bin i holds values in [edges[i-1], edges[i]). */
export function binOf(value: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value < edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function countBins(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) counts[binOf(v, edges)]! += 1;
  return counts;
}

/** PSI between expected (training) and actual (live) counts over the same bins. */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  const e = shares(expected);
  const a = shares(actual);
  let total = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = Math.max(e[i]!, PSI_EPSILON);
    const ai = Math.max(a[i] ?? 0, PSI_EPSILON);
    total += (ai - ei) * Math.log(ai / ei);
  }
  return total;
}

function shares(counts: readonly number[]): number[] {
  const n = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (n === 0 ? 0 : c / n));
}

/** Kolmogorov's Q_KS(λ) = 2 Σ (-1)^(k-1) exp(-2k²λ²): the p-value of the KS statistic. */
function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

export type KsResult = { d: number; pValue: number; n1: number; n2: number };

/** Two-sample Kolmogorov–Smirnov test of `a` against `b`. */
export function ksTwoSample(a: readonly number[], b: readonly number[]): KsResult {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { d: 0, pValue: 1, n1, n2 };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < n1 && x[i]! <= v) i++;
    while (j < n2 && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / n1 - j / n2));
  }
  const ne = Math.sqrt((n1 * n2) / (n1 + n2));
  return { d, pValue: kolmogorovQ((ne + 0.12 + 0.11 / ne) * d), n1, n2 };
}

export type ChiSquareResult = { chi2: number; df: number; pValue: number; cramersV: number; n: number };

/**
 * χ² test of homogeneity between training and live counts per category (the
 * same categories, in the same order). Categories neither side saw are left out.
 */
export function chiSquareHomogeneity(expected: readonly number[], actual: readonly number[]): ChiSquareResult {
  const kept = expected.map((e, i) => [e, actual[i] ?? 0] as const).filter(([e, a]) => e + a > 0);
  const n1 = kept.reduce((s, [e]) => s + e, 0);
  const n2 = kept.reduce((s, [, a]) => s + a, 0);
  const n = n1 + n2;
  const df = kept.length - 1;
  if (df < 1 || n1 === 0 || n2 === 0) return { chi2: 0, df: Math.max(df, 0), pValue: 1, cramersV: 0, n: n2 };
  let chi2 = 0;
  for (const [e, a] of kept) {
    const col = e + a;
    for (const [observed, rowTotal] of [
      [e, n1],
      [a, n2],
    ] as const) {
      const exp = (rowTotal * col) / n;
      chi2 += ((observed - exp) * (observed - exp)) / exp;
    }
  }
  return { chi2, df, pValue: 1 - chisquareCdf(chi2, df), cramersV: Math.sqrt(chi2 / n), n: n2 };
}
