import { AppError } from "../errors";
import { isMissingCell, parseNumeric, sortLabels, type Cell } from "./cells";
import type { ClassCount, CleaningReport, ColumnProfile } from "./cleaning-report";
import { CLEANED_FORMAT, type CleanedDataset, type CleanedFeature } from "./cleaned-dataset";
import { planColumns, type ColumnPlan, type PlannedFeature, type ResolvedOptions } from "./column-plan";
import { profileFeature, profileIgnored, profileTarget, scaleParams } from "./column-profiles";
import { readCsvTable, type CsvRecord } from "./csv";
import { DatasetOptions, type ColumnType, type DatasetOptionsInput } from "./schemas";
import { describeZeroSuspects, findZeroSuspect, type ZeroSuspect } from "./zero-suspects";

/** A column of the upload as stored with a version (DatasetVersion.columns). */
export type DatasetColumn = { name: string; type: ColumnType; role: "feature" | "target" | "ignored" };

export type CleanResult = {
  columns: DatasetColumn[];
  report: CleaningReport;
  cleaned: CleanedDataset;
  classes: ClassCount[];
  options: ResolvedOptions;
};

/**
 * Reads and cleans an uploaded CSV, in this order:
 * 1. parse (ragged rows → 422 with every bad line), resolve the options' columns;
 * 2. count missing cells per column over the rows as uploaded (empty, ?, NA,
 *    N/A, NaN, and 0 in zero-means-missing columns);
 * 3. remove rows equal in every kept column (ignored columns do not count);
 * 4. drop rows whose target is missing;
 * 5. type each feature: numeric when every observed cell is a number;
 * 6. with missing=drop, drop rows with any missing feature;
 * 7. map labels to indexes (sorted, numerically when all labels are numbers);
 * 8. profile each column: stats, IQR outlier flags, imputation value, histogram;
 * 9. look for exact zeros that look like "not measured" (zero-suspects.ts).
 * Missing cells stay null in `cleaned`; the report's imputation and
 * normalisation figures describe the whole dataset for review.
 * Pure: no I/O. Throws AppError 422 when the file cannot become a dataset.
 */
export function cleanDataset(text: string, input: DatasetOptionsInput = {}): CleanResult {
  const options = DatasetOptions.parse(input);
  const table = readCsvTable(text, options);
  const { plan, resolved } = planColumns(table.names, options, table.delimiter);
  const missing = countMissing(table.records, plan);
  const kept = selectRows(table.records, plan, options);
  const { classes, labels, classCounts } = mapLabels(kept.targets, plan.target.name);

  const features: CleanedFeature[] = plan.features.map((f, j) => ({
    name: f.name,
    type: kept.types[j]!,
    impute: checkStrategy(f, kept.types[j]!, resolved),
    missingValues: f.isZeroMissing && kept.types[j] === "numeric" ? [0] : [],
  }));
  const { rows } = kept;
  const profiles = features.map((f, j) =>
    profileFeature(
      f,
      rows.map((r) => r[j]!),
      missing[j]!,
      options.missing === "impute",
    ),
  );
  const outlierRows = findOutlierRows(rows, profiles);
  const cleaned: CleanedDataset = {
    format: CLEANED_FORMAT,
    features,
    target: plan.target.name,
    classes,
    normalisation: options.normalisation,
    rows,
    labels,
    outlierRows,
  };
  const columns = describeColumns(table.names, plan, features, kept.withTarget);
  const target = profileTarget(plan.target.name, columns[plan.target.index]!.type, classCounts, missing.at(-1)!);
  const zeroSuspects = findZeroSuspects(features, rows);

  const report: CleaningReport = {
    sourceRows: table.records.length,
    rows: rows.length,
    duplicatesRemoved: table.records.length - kept.unique.length,
    missing: Object.fromEntries([
      ...features.map((f, j) => [f.name, missing[j]!] as const),
      [plan.target.name, missing.at(-1)!] as const,
    ]),
    missingStrategy: options.missing,
    imputed: profiles.reduce((n, p) => n + (p.imputation?.cells ?? 0), 0),
    rowsDroppedMissing: kept.withTarget.length - rows.length,
    targetMissingDropped: kept.unique.length - kept.withTarget.length,
    outliers: Object.fromEntries(profiles.filter((p) => p.outliers).map((p) => [p.name, p.outliers!.count])),
    outlierRows: outlierRows.length,
    normalisation: { method: options.normalisation, params: scaleParams(profiles, options.normalisation) },
    oneHot: Object.fromEntries(
      features.flatMap((f, j) => (f.type === "categorical" ? [[f.name, categoriesOf(rows, j)]] : [])),
    ),
    labels: Object.fromEntries(classes.map((c, i) => [c, i])),
    classes: classCounts,
    delimiter: table.delimiter,
    warnings: findWarnings(options.header, table.names, profiles, classCounts, zeroSuspects),
    zeroSuspects,
    columns: orderProfiles(table.names, plan, profiles, target, columns),
  };
  return { columns, report, cleaned, classes: classCounts, options: resolved };
}

/** Steps 3–6: the rows that stay, their cells parsed by column type, and their target texts. */
function selectRows(records: CsvRecord[], plan: ColumnPlan, options: DatasetOptions) {
  const unique = options.duplicates === "remove" ? removeDuplicates(records, plan) : records;
  const withTarget = unique.filter((r) => !isMissingCell(r.cells[plan.target.index]!, false));
  const types = plan.features.map((f) => detectType(withTarget, f));
  let rows = withTarget.map((r) => plan.features.map((f, j) => toCell(r.cells[f.index]!, f, types[j]!)));
  let targets = withTarget.map((r) => r.cells[plan.target.index]!.trim());
  if (options.missing === "drop") {
    const isComplete = rows.map((cells) => cells.every((c) => c !== null));
    rows = rows.filter((_, i) => isComplete[i]);
    targets = targets.filter((_, i) => isComplete[i]);
  }
  if (rows.length === 0) {
    throw new AppError(
      "unprocessable_entity",
      "No rows are left after cleaning (every row lacked a target or, with missing=drop, a feature)",
      [{ line: 1, message: "no rows left after cleaning" }],
    );
  }
  return { unique, withTarget, types, rows, targets };
}

/** Step 7: label texts → class indexes; a classifier needs two classes at least. */
function mapLabels(
  targets: string[],
  target: string,
): { classes: string[]; labels: number[]; classCounts: ClassCount[] } {
  const classes = sortLabels([...new Set(targets)]);
  if (classes.length < 2) {
    throw new AppError(
      "unprocessable_entity",
      `The target column ${target} has only one class (${JSON.stringify(classes[0])}); a classifier needs at least two`,
      [{ line: 1, message: `target ${target}: one class only` }],
    );
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const labels = targets.map((t) => index.get(t)!);
  const classCounts = classes.map((label, i) => ({ label, index: i, count: 0 }));
  for (const l of labels) classCounts[l]!.count++;
  return { classes, labels, classCounts };
}

/** The smallest class that a 70/15/15 split can still put in every part. */
const MIN_CLASS_ROWS = 7;

/** Signs the upload may not be what the operator meant; shown with the report, never fatal. */
function findWarnings(
  hasHeader: boolean,
  names: string[],
  profiles: ColumnProfile[],
  classes: ClassCount[],
  zeroSuspects: ZeroSuspect[],
): string[] {
  const warnings: string[] = [];
  if (hasHeader && names.every((n) => parseNumeric(n) !== null)) {
    warnings.push(
      `The header line is all numbers (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}); if the file has no header, upload it with header=false so that line is kept as data`,
    );
  }
  const zeros = describeZeroSuspects(zeroSuspects);
  if (zeros) warnings.push(zeros);
  for (const p of profiles)
    if (p.distinct === 0)
      warnings.push(
        `Column ${p.name} has no values at all; it is imputed with ${p.type === "numeric" ? "0" : "nothing"} everywhere and tells the model nothing`,
      );
  const small = classes.filter((c) => c.count < MIN_CLASS_ROWS);
  if (small.length)
    warnings.push(
      `Class${small.length > 1 ? "es" : ""} ${small.map((c) => `${c.label} (${c.count} rows)`).join(", ")} may be missing from the validation or test split`,
    );
  return warnings;
}

/** Step 9, over the kept rows' observed values: zero-means-missing columns have no zeros left to suspect. */
function findZeroSuspects(features: CleanedFeature[], rows: Cell[][]): ZeroSuspect[] {
  return features.flatMap((f, j) => {
    if (f.type !== "numeric") return [];
    const values = rows.flatMap((r) => (typeof r[j] === "number" ? [r[j] as number] : []));
    return findZeroSuspect(f.name, values, rows.length) ?? [];
  });
}

/** Missing cells per feature (in plan order), then the target, over every uploaded row. */
function countMissing(records: CsvRecord[], plan: ColumnPlan): number[] {
  const kept = [...plan.features, { index: plan.target.index, isZeroMissing: false }];
  const counts = new Array<number>(kept.length).fill(0);
  for (const r of records) kept.forEach((c, j) => isMissingCell(r.cells[c.index]!, c.isZeroMissing) && counts[j]!++);
  return counts;
}

function removeDuplicates(records: CsvRecord[], plan: ColumnPlan): CsvRecord[] {
  const kept = [...plan.features.map((f) => f.index), plan.target.index];
  const seen = new Set<string>();
  return records.filter((r) => {
    // NUL cannot appear in a text cell, so joined keys of different rows never collide.
    const key = kept.map((i) => r.cells[i]!.trim()).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function detectType(records: CsvRecord[], f: PlannedFeature): ColumnType {
  if (f.isForcedCategorical) return "categorical";
  for (const r of records) {
    const text = r.cells[f.index]!;
    if (!isMissingCell(text, f.isZeroMissing) && parseNumeric(text) === null) return "categorical";
  }
  return "numeric";
}

function toCell(text: string, f: PlannedFeature, type: ColumnType): Cell {
  if (isMissingCell(text, f.isZeroMissing)) return null;
  return type === "numeric" ? parseNumeric(text) : text.trim();
}

function checkStrategy(f: PlannedFeature, type: ColumnType, resolved: ResolvedOptions) {
  if (type === "categorical") {
    if (f.impute && f.impute !== "mode") {
      throw new AppError(
        "unprocessable_entity",
        `Column ${f.name} is categorical; it can only be imputed with its mode, not the ${f.impute}`,
        [{ path: "impute", message: `${f.name} is categorical` }],
      );
    }
    return "mode" as const;
  }
  return f.impute ?? resolved.impute.numeric;
}

function categoriesOf(rows: Cell[][], j: number): string[] {
  return sortLabels([...new Set(rows.flatMap((r) => (r[j] === null ? [] : [String(r[j])])))]);
}

function findOutlierRows(rows: Cell[][], profiles: ColumnProfile[]): number[] {
  const fences = profiles.map((p) => p.outliers);
  const flagged: number[] = [];
  rows.forEach((cells, i) => {
    if (cells.some((c, j) => typeof c === "number" && fences[j] && (c < fences[j]!.lower || c > fences[j]!.upper)))
      flagged.push(i);
  });
  return flagged;
}

function describeColumns(
  names: string[],
  plan: ColumnPlan,
  features: CleanedFeature[],
  rows: CsvRecord[],
): DatasetColumn[] {
  const targetType: ColumnType = rows.every((r) => parseNumeric(r.cells[plan.target.index]!) !== null)
    ? "numeric"
    : "categorical";
  return names.map((name, i) => {
    if (i === plan.target.index) return { name, type: targetType, role: "target" };
    const feature = features.find((f) => f.name === name);
    if (feature) return { name, type: feature.type, role: "feature" };
    const ignored = plan.ignored.find((c) => c.index === i)!;
    return {
      name,
      type: detectType(rows, { index: ignored.index, name, isForcedCategorical: false, isZeroMissing: false }),
      role: "ignored",
    };
  });
}

/** Profiles in file column order, so the page's table reads like the file. */
function orderProfiles(
  names: string[],
  plan: ColumnPlan,
  features: ColumnProfile[],
  target: ColumnProfile,
  columns: DatasetColumn[],
): ColumnProfile[] {
  return names.map((name, i) => {
    if (i === plan.target.index) return target;
    return features.find((p) => p.name === name) ?? profileIgnored(name, columns[i]!.type);
  });
}
