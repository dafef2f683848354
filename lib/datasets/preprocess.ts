import { AppError } from "../errors";
import { isMissingToken, parseNumeric, sortLabels, type Cell } from "./cells";
import type { CleanedDataset, CleanedFeature } from "./cleaned-dataset";
import { imputeNumber, mean, mode, std } from "./column-stats";
import type { FeatureTransform, Preprocessing } from "./prepared";
import type { NormalisationMethod } from "./schemas";

/**
 * Fits imputation values, scaling parameters and one-hot categories on the
 * TRAIN rows only (`trainIndices` into `cleaned.rows`), so nothing about the
 * validation and test rows leaks into what the model sees. Scaling is fitted
 * on the observed values (imputed cells are not data). A category seen only
 * outside train encodes as all zeros, exactly as an unseen one at serving.
 */
export function fitPreprocessing(
  cleaned: CleanedDataset,
  trainIndices: readonly number[],
  options: { normalisation?: NormalisationMethod } = {},
): Preprocessing {
  if (trainIndices.length === 0)
    throw new AppError("unprocessable_entity", "Preprocessing needs at least one training row");
  const method = options.normalisation ?? cleaned.normalisation;
  const features = cleaned.features.map((f, j) =>
    fitFeature(
      f,
      trainIndices.map((i) => cleaned.rows[i]![j]!),
      method,
    ),
  );
  return {
    inputColumns: cleaned.features.map((f) => f.name),
    features,
    encodedFeatureNames: features.flatMap((f) =>
      f.kind === "numeric" ? [f.name] : f.categories.map((c) => `${f.name}=${c}`),
    ),
    target: cleaned.target,
    classes: [...cleaned.classes],
  };
}

function fitFeature(feature: CleanedFeature, cells: Cell[], method: NormalisationMethod): FeatureTransform {
  if (feature.type === "categorical") {
    const values = cells.filter((c) => c !== null).map(String);
    return {
      kind: "categorical",
      name: feature.name,
      categories: sortLabels([...new Set(values)]),
      impute: mode(values) ?? "",
    };
  }
  const values = cells.filter((c): c is number => typeof c === "number");
  return {
    kind: "numeric",
    name: feature.name,
    impute: imputeNumber(values, feature.impute),
    imputeStrategy: feature.impute,
    missingValues: [...feature.missingValues],
    scale: fitScale(values, method),
  };
}

function fitScale(
  values: number[],
  method: NormalisationMethod,
): Extract<FeatureTransform, { kind: "numeric" }>["scale"] {
  if (method === "none" || values.length === 0) return { method: "none" };
  if (method === "zscore") return { method: "zscore", mean: mean(values), std: std(values) };
  // A loop, not Math.min(...values): spreading a large column overflows the call stack.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { method: "minmax", min, max };
}

type NumericTransform = Extract<FeatureTransform, { kind: "numeric" }>;
type CategoricalTransform = Extract<FeatureTransform, { kind: "categorical" }>;

function isMissingValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "number" && Number.isNaN(value)) ||
    (typeof value === "string" && isMissingToken(value))
  );
}

function encodeNumeric(t: NumericTransform, value: unknown): number {
  let v: number;
  if (isMissingValue(value)) v = t.impute;
  else {
    const n = typeof value === "number" ? value : typeof value === "string" ? parseNumeric(value) : null;
    if (n === null || !Number.isFinite(n))
      throw new AppError("unprocessable_entity", `${t.name} must be a number, not ${JSON.stringify(value)}`, {
        feature: t.name,
      });
    v = t.missingValues.includes(n) ? t.impute : n;
  }
  const s = t.scale;
  // A constant column carries no information: it encodes as 0 rather than dividing by zero.
  if (s.method === "zscore") return s.std > 0 ? (v - s.mean) / s.std : v - s.mean;
  if (s.method === "minmax") return s.max > s.min ? (v - s.min) / (s.max - s.min) : 0;
  return v;
}

function encodeCategorical(t: CategoricalTransform, value: unknown): number[] {
  const category = isMissingValue(value) ? t.impute : String(value).trim();
  return t.categories.map((c) => (c === category ? 1 : 0));
}

/** One row of cells in `inputColumns` order → the model's input vector. */
function encodeCells(pre: Preprocessing, cells: readonly unknown[]): number[] {
  const out: number[] = [];
  pre.features.forEach((t, j) => {
    if (t.kind === "numeric") out.push(encodeNumeric(t, cells[j]));
    else out.push(...encodeCategorical(t, cells[j]));
  });
  return out;
}

/** Encodes cleaned rows (cells in `inputColumns` order, null = missing) into model inputs. */
export function transformRows(pre: Preprocessing, rows: readonly (readonly Cell[])[]): number[][] {
  return rows.map((cells) => encodeCells(pre, cells));
}

/**
 * Serving: one raw instance → the model's input vector, exactly as training
 * encoded its rows. An array gives the values in `inputColumns` order; an
 * object names them. Missing values (null, "", "?", "NA", and a column's
 * missingValues such as Pima's 0) are imputed with the train-fitted value.
 * Throws AppError 422 for a wrong length, unknown or absent keys, or a
 * non-number in a numeric column.
 */
export function encodeInstance(
  pre: Preprocessing,
  instance: readonly (number | string | null)[] | Record<string, number | string | null>,
): number[] {
  if (Array.isArray(instance)) {
    if (instance.length !== pre.inputColumns.length) {
      throw new AppError(
        "unprocessable_entity",
        `Expected ${pre.inputColumns.length} values (${pre.inputColumns.join(", ")}), got ${instance.length}`,
        { expected: pre.inputColumns },
      );
    }
    return encodeCells(pre, instance);
  }
  const record = instance as Record<string, unknown>;
  const known = new Set(pre.inputColumns);
  const unknown = Object.keys(record).filter((k) => !known.has(k));
  const absent = pre.inputColumns.filter((c) => !(c in record));
  if (unknown.length || absent.length) {
    const parts = [
      absent.length ? `missing ${absent.join(", ")}` : "",
      unknown.length ? `unknown ${unknown.join(", ")}` : "",
    ].filter(Boolean);
    throw new AppError(
      "unprocessable_entity",
      `The instance does not match the model's features: ${parts.join("; ")} (expected ${pre.inputColumns.join(", ")}; send null for a missing value)`,
      {
        expected: pre.inputColumns,
        missing: absent,
        unknown,
      },
    );
  }
  return encodeCells(
    pre,
    pre.inputColumns.map((c) => record[c]),
  );
}
