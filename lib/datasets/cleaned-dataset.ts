import { z } from "zod";
import type { Cell } from "./cells";
import { ColumnType, ImputeStrategy, NormalisationMethod } from "./schemas";

export const CLEANED_FORMAT = "rackmind.dataset.cleaned/1";

/** A feature column as training needs it. */
export const CleanedFeature = z.object({
  name: z.string(),
  type: ColumnType,
  /** How training imputes it (fitted on the train split). */
  impute: ImputeStrategy,
  /** Values that also mean missing at serving time (0 for zero-means-missing columns). */
  missingValues: z.array(z.number()),
});
export type CleanedFeature = z.infer<typeof CleanedFeature>;

const Header = z.object({
  format: z.literal(CLEANED_FORMAT),
  features: z.array(CleanedFeature).min(1),
  target: z.string(),
  classes: z.array(z.string()).min(2),
  normalisation: NormalisationMethod,
});

/**
 * A version's cleaned rows: deduplicated, rows without a target dropped, cells
 * parsed (numbers for numeric features, strings for categorical ones) and
 * missing cells kept as null. They are deliberately NOT imputed or scaled:
 * those parameters are fitted on each run's train split (preprocess.ts), so
 * validation and test rows never leak into them.
 */
export type CleanedDataset = z.infer<typeof Header> & {
  /** One row per example; cells in `features` order. */
  rows: Cell[][];
  /** Class index per row, into `classes`. */
  labels: number[];
  /** Rows with an IQR outlier in any numeric feature (flagged, kept). */
  outlierRows: number[];
};

/**
 * Storage format of DatasetVersion.cleaned: the CleanedDataset as one UTF-8
 * JSON document. JSON keeps it readable with psql and needs no schema
 * migration when fields are added; `format` names the version of the layout.
 *
 * Deterministic: the same cleaned data gives the same bytes whatever order the
 * caller built its objects in (keys are written in a fixed order, unknown keys
 * dropped), because DatasetVersion.cleanedHash is the sha256 of these bytes and
 * lineage compares it. It covers everything training reads: rows, labels,
 * classes, and per feature its type, impute strategy and missing values.
 */
export function encodeCleaned(cleaned: CleanedDataset): Uint8Array<ArrayBuffer> {
  const ordered = {
    format: cleaned.format,
    features: cleaned.features.map((f) => ({
      name: f.name,
      type: f.type,
      impute: f.impute,
      missingValues: f.missingValues,
    })),
    target: cleaned.target,
    classes: cleaned.classes,
    normalisation: cleaned.normalisation,
    rows: cleaned.rows,
    labels: cleaned.labels,
    outlierRows: cleaned.outlierRows,
  };
  return new Uint8Array(Buffer.from(JSON.stringify(ordered), "utf8"));
}

/** Reads DatasetVersion.cleaned back. The header is validated; the rows are checked for shape only (they can be millions of cells). */
export function decodeCleaned(bytes: Uint8Array): CleanedDataset {
  const raw = JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, unknown>;
  const header = Header.parse(raw);
  const rows = raw.rows as Cell[][];
  const labels = raw.labels as number[];
  const width = header.features.length;
  if (
    !Array.isArray(rows) ||
    !Array.isArray(labels) ||
    rows.length !== labels.length ||
    rows.some((r) => !Array.isArray(r) || r.length !== width)
  ) {
    throw new Error(
      `Stored cleaned dataset is malformed: ${rows?.length} rows for ${labels?.length} labels, ${width} features`,
    );
  }
  return { ...header, rows, labels, outlierRows: Array.isArray(raw.outlierRows) ? (raw.outlierRows as number[]) : [] };
}
