import { z } from "zod";
import type { Prisma } from "../db";
import { ClassCount, CleaningReport } from "./cleaning-report";
import { ColumnRole, ColumnType } from "./schemas";

// What the API and the pages show of datasets, and how database rows become
// it. Row selections never include the `source` and `cleaned` bytes: those
// can be 100 MB, and only loadCleaned needs them.

export const DatasetColumnOut = z
  .object({ name: z.string(), type: ColumnType, role: ColumnRole })
  .meta({ id: "DatasetColumn" });

const ContentHash = z.string().meta({
  description:
    "sha256 of the uploaded bytes, hex. The same file re-cleaned with other options keeps it; compare cleanedHash to tell such versions apart",
});
const CleanedHash = z.string().meta({
  description:
    "sha256 of the cleaned data training reads (rows after deduplication and dropping, labels, classes, and per feature its type, impute strategy and missing values), hex. Differs when the same bytes were cleaned differently, e.g. with zero-means-missing on or off",
});

export const DatasetVersionOut = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    rows: z.number().int(),
    sourceRows: z.number().int(),
    contentHash: ContentHash,
    cleanedHash: CleanedHash,
    columns: z.array(DatasetColumnOut),
    classes: z.array(ClassCount),
    cleaning: CleaningReport,
    options: z
      .record(z.string(), z.unknown())
      .meta({ description: "the upload options with column references resolved to names" }),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "DatasetVersion" });
export type DatasetVersionOut = z.infer<typeof DatasetVersionOut>;

export const UploadDatasetOut = DatasetVersionOut.extend({
  isExisting: z.boolean().meta({
    description:
      "true (with status 200) when the same bytes and (resolved) options were already this dataset's version",
  }),
}).meta({ id: "DatasetUpload" });
export type UploadDatasetOut = z.infer<typeof UploadDatasetOut>;

export const DatasetVersionSummaryOut = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    rows: z.number().int(),
    sourceRows: z.number().int(),
    columnCount: z.number().int(),
    contentHash: ContentHash,
    cleanedHash: CleanedHash,
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "DatasetVersionSummary" });
export type DatasetVersionSummaryOut = z.infer<typeof DatasetVersionSummaryOut>;

export const DatasetSummaryOut = z
  .object({
    name: z.string(),
    versions: z.number().int(),
    latest: DatasetVersionSummaryOut,
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "DatasetSummary" });
export type DatasetSummaryOut = z.infer<typeof DatasetSummaryOut>;

/** The columns of a version row that views need: everything but the bytes. */
export const versionSelect = {
  id: true,
  version: true,
  contentHash: true,
  cleanedHash: true,
  options: true,
  columns: true,
  cleaning: true,
  sourceRows: true,
  rows: true,
  createdBy: true,
  createdAt: true,
  dataset: { select: { name: true } },
} satisfies Prisma.DatasetVersionSelect;
export type VersionRow = Prisma.DatasetVersionGetPayload<{ select: typeof versionSelect }>;

export const versionSummarySelect = {
  id: true,
  version: true,
  contentHash: true,
  cleanedHash: true,
  columns: true,
  sourceRows: true,
  rows: true,
  createdBy: true,
  createdAt: true,
} satisfies Prisma.DatasetVersionSelect;
type VersionSummaryRow = Prisma.DatasetVersionGetPayload<{ select: typeof versionSummarySelect }>;

export function toVersionOut(row: VersionRow): DatasetVersionOut {
  // Written by uploadDataset from these same schemas; parsed anyway so a stored
  // shape that drifted fails here, loudly, rather than on a page.
  const cleaning = CleaningReport.parse(row.cleaning);
  return {
    id: row.id,
    name: row.dataset.name,
    version: row.version,
    rows: row.rows,
    sourceRows: row.sourceRows,
    contentHash: row.contentHash,
    cleanedHash: row.cleanedHash,
    columns: z.array(DatasetColumnOut).parse(row.columns),
    classes: cleaning.classes,
    cleaning,
    options: row.options as Record<string, unknown>,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toVersionSummaryOut(name: string, row: VersionSummaryRow): DatasetVersionSummaryOut {
  return {
    id: row.id,
    name,
    version: row.version,
    rows: row.rows,
    sourceRows: row.sourceRows,
    columnCount: Array.isArray(row.columns) ? row.columns.length : 0,
    contentHash: row.contentHash,
    cleanedHash: row.cleanedHash,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
