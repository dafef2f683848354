import type { Cell } from "./cells";
import type { ClassCount, ColumnProfile, NumericStats, ScaleParams } from "./cleaning-report";
import type { CleanedFeature } from "./cleaned-dataset";
import { categoricalHistogram, iqrFences, imputeNumber, mode, numericHistogram, numericStats } from "./column-stats";
import type { ColumnType, ImputeStrategy, NormalisationMethod } from "./schemas";

/**
 * What the report says about one feature over the kept rows: its stats,
 * outlier fences and count, the value missing cells would be imputed with
 * (on the whole dataset, for review), and a histogram.
 * `uploadedMissing` is counted over the rows as uploaded.
 */
export function profileFeature(
  feature: CleanedFeature,
  cells: Cell[],
  uploadedMissing: number,
  isImputing: boolean,
): ColumnProfile {
  const nulls = cells.reduce<number>((n, c) => n + (c === null ? 1 : 0), 0);
  const base = { name: feature.name, type: feature.type, role: "feature" as const, missing: uploadedMissing };
  if (feature.type === "categorical") {
    const values = cells.filter((c): c is string => c !== null).map(String);
    return {
      ...base,
      distinct: new Set(values).size,
      imputation: isImputing ? { strategy: "mode", value: mode(values) ?? null, cells: nulls } : null,
      outliers: null,
      stats: null,
      histogram: values.length ? categoricalHistogram(values) : null,
    };
  }
  const values = cells.filter((c): c is number => typeof c === "number");
  const stats = numericStats(values);
  const distinct = new Set(values).size;
  const fences = stats ? iqrFences(stats) : null;
  return {
    ...base,
    distinct,
    imputation: isImputing
      ? { strategy: feature.impute, value: stats ? imputedValue(values, stats, feature.impute) : null, cells: nulls }
      : null,
    outliers: fences
      ? { ...fences, count: values.reduce((n, v) => n + (v < fences.lower || v > fences.upper ? 1 : 0), 0) }
      : null,
    stats,
    histogram: stats ? numericHistogram(values, stats, distinct) : null,
  };
}

// The stats already hold the mean and median: no second sort of a large column.
function imputedValue(values: number[], stats: NumericStats, strategy: ImputeStrategy): number {
  return strategy === "mean" ? stats.mean : strategy === "median" ? stats.median : imputeNumber(values, strategy);
}

/** The target's profile: its class balance is its histogram. */
export function profileTarget(
  name: string,
  type: ColumnType,
  classes: ClassCount[],
  uploadedMissing: number,
): ColumnProfile {
  return {
    name,
    type,
    role: "target",
    missing: uploadedMissing,
    distinct: classes.length,
    imputation: null,
    outliers: null,
    stats: null,
    histogram: { kind: "categorical", labels: classes.map((c) => c.label), counts: classes.map((c) => c.count) },
  };
}

export function profileIgnored(name: string, type: ColumnType): ColumnProfile {
  return {
    name,
    type,
    role: "ignored",
    missing: 0,
    distinct: 0,
    imputation: null,
    outliers: null,
    stats: null,
    histogram: null,
  };
}

/** The whole dataset's scaling parameters per numeric feature, for the report (training fits its own). */
export function scaleParams(profiles: ColumnProfile[], method: NormalisationMethod): Record<string, ScaleParams> {
  if (method === "none") return {};
  const params: Record<string, ScaleParams> = {};
  for (const p of profiles) {
    if (!p.stats) continue;
    params[p.name] =
      method === "zscore" ? { mean: p.stats.mean, std: p.stats.std } : { min: p.stats.min, max: p.stats.max };
  }
  return params;
}
