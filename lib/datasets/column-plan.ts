import { AppError } from "../errors";
import type { ColumnRef, DatasetOptions, ImputeStrategy, NormalisationMethod } from "./schemas";

/** A column the dataset keeps as a model input. */
export type PlannedFeature = {
  index: number;
  name: string;
  isForcedCategorical: boolean;
  isZeroMissing: boolean;
  /** The operator's strategy for this column, when they named one. */
  impute?: ImputeStrategy;
};

export type ColumnPlan = {
  target: { index: number; name: string };
  features: PlannedFeature[];
  ignored: { index: number; name: string }[];
};

/**
 * The options with every column reference resolved to a name: what is stored
 * with a version and compared to spot a repeated upload (so `target=8` and
 * `target=c8` on the same file are the same upload).
 */
export type ResolvedOptions = {
  header: boolean;
  delimiter: string;
  columns: string[] | null;
  target: string;
  ignore: string[];
  categorical: string[];
  zeroMissing: string[];
  impute: { numeric: ImputeStrategy; columns: Record<string, ImputeStrategy> };
  missing: "impute" | "drop";
  normalisation: NormalisationMethod;
  duplicates: "remove" | "keep";
};

type OptionError = { path: string; message: string };

/** A name first, then a 0-based index (negative counts from the end); -1 when it names nothing. */
export function findColumn(names: readonly string[], ref: ColumnRef): number {
  if (typeof ref === "string") {
    const byName = names.indexOf(ref);
    if (byName >= 0) return byName;
    if (!/^-?\d+$/.test(ref)) return -1;
  }
  const i = Number(ref);
  const index = i < 0 ? names.length + i : i;
  return index >= 0 && index < names.length ? index : -1;
}

function resolveAll(
  names: readonly string[],
  refs: readonly ColumnRef[],
  path: string,
  errors: OptionError[],
): Set<number> {
  const found = new Set<number>();
  for (const ref of refs) {
    const i = findColumn(names, ref);
    if (i < 0) errors.push({ path, message: `no column "${ref}" (columns: ${describeColumns(names)})` });
    else found.add(i);
  }
  return found;
}

function describeColumns(names: readonly string[]): string {
  const shown = names
    .slice(0, 30)
    .map((n, i) => `${i}:${n}`)
    .join(", ");
  return names.length > 30 ? `${shown}, …` : shown;
}

/**
 * Resolves the options' column references against the file's column names and
 * checks they agree with each other. Every problem is listed in one 422.
 */
export function planColumns(
  names: readonly string[],
  options: DatasetOptions,
  delimiter: string,
): { plan: ColumnPlan; resolved: ResolvedOptions } {
  const errors: OptionError[] = [];
  const target = options.target === undefined ? names.length - 1 : findColumn(names, options.target);
  if (target < 0)
    errors.push({ path: "target", message: `no column "${options.target}" (columns: ${describeColumns(names)})` });
  const ignore = resolveAll(names, options.ignore, "ignore", errors);
  const categorical = resolveAll(names, options.categorical, "categorical", errors);
  const zeroMissing = resolveAll(names, options.zeroMissing, "zeroMissing", errors);
  const impute = new Map<number, ImputeStrategy>();
  for (const [ref, strategy] of options.impute.columns) {
    const i = findColumn(names, ref);
    if (i < 0) errors.push({ path: "impute", message: `no column "${ref}"` });
    else impute.set(i, strategy);
  }
  if (target >= 0) {
    const name = names[target]!;
    if (ignore.has(target)) errors.push({ path: "ignore", message: `the target column ${name} cannot be ignored` });
    if (zeroMissing.has(target))
      errors.push({ path: "zeroMissing", message: `the target column ${name} cannot be zero-means-missing` });
    if (impute.has(target))
      errors.push({
        path: "impute",
        message: `the target column ${name} is never imputed; rows without a target are dropped`,
      });
  }
  for (const i of impute.keys())
    if (ignore.has(i)) errors.push({ path: "impute", message: `column ${names[i]} is ignored` });
  const featureIndexes = names.map((_, i) => i).filter((i) => i !== target && !ignore.has(i));
  if (target >= 0 && featureIndexes.length === 0)
    errors.push({ path: "ignore", message: "no feature columns are left besides the target" });
  if (errors.length)
    throw new AppError(
      "unprocessable_entity",
      `The dataset options do not fit this file — ${errors[0]!.path}: ${errors[0]!.message}`,
      errors,
    );

  const byIndex = (set: Set<number>) => [...set].sort((a, b) => a - b).map((i) => names[i]!);
  return {
    plan: {
      target: { index: target, name: names[target]! },
      features: featureIndexes.map((i) => ({
        index: i,
        name: names[i]!,
        isForcedCategorical: categorical.has(i),
        isZeroMissing: zeroMissing.has(i),
        impute: impute.get(i),
      })),
      ignored: [...ignore].sort((a, b) => a - b).map((i) => ({ index: i, name: names[i]! })),
    },
    resolved: {
      header: options.header,
      delimiter,
      columns: options.columns ?? null,
      target: names[target]!,
      ignore: byIndex(ignore),
      categorical: byIndex(categorical),
      zeroMissing: byIndex(zeroMissing),
      impute: {
        numeric: options.impute.numeric,
        columns: Object.fromEntries([...impute].sort((a, b) => a[0] - b[0]).map(([i, s]) => [names[i]!, s])),
      },
      missing: options.missing,
      normalisation: options.normalisation,
      duplicates: options.duplicates,
    },
  };
}
