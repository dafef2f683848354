import { z } from "zod";
import { ColumnRole, ColumnType, ImputeStrategy, NormalisationMethod } from "./schemas";
import { ZeroSuspect } from "./zero-suspects";

// The cleaning report: what an operator reviews after an upload. It describes
// the WHOLE dataset; training refits imputation and scaling on its train split
// (lib/datasets/preprocess.ts), so these numbers are for review, not serving.

export const NumericStats = z
  .object({
    min: z.number(),
    max: z.number(),
    mean: z.number(),
    std: z.number(),
    median: z.number(),
    q1: z.number(),
    q3: z.number(),
  })
  .meta({
    id: "DatasetNumericStats",
    description: "Over the observed (non-missing) values of the kept rows; std is the population std",
  });
export type NumericStats = z.infer<typeof NumericStats>;

export const Histogram = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("numeric"),
      edges: z
        .array(z.number())
        .meta({ description: "bin edges; bin i is [edges[i], edges[i+1]), the last bin closed" }),
      counts: z.array(z.number().int()),
    }),
    z.object({ kind: z.literal("categorical"), labels: z.array(z.string()), counts: z.array(z.number().int()) }),
  ])
  .meta({ id: "DatasetHistogram" });
export type Histogram = z.infer<typeof Histogram>;

export const ColumnProfile = z
  .object({
    name: z.string(),
    type: ColumnType,
    role: ColumnRole,
    /** Missing cells in the rows as uploaded (before duplicates were removed). */
    missing: z.number().int(),
    /** Distinct observed values in the kept rows. */
    distinct: z.number().int(),
    /**
     * How a missing cell of this feature is filled (missingStrategy impute): the
     * strategy, its value over the whole dataset (training refits it on each
     * train split) and how many kept cells were actually filled; cells 0 means
     * nothing was missing and the value only applies to a missing input at serving.
     */
    imputation: z
      .object({
        strategy: ImputeStrategy,
        value: z.union([z.number(), z.string()]).nullable(),
        cells: z.number().int(),
      })
      .nullable()
      .meta({
        description:
          "strategy, whole-dataset value, and cells actually filled (0: none missing; the strategy then only applies at serving)",
      }),
    outliers: z.object({ lower: z.number(), upper: z.number(), count: z.number().int() }).nullable(),
    stats: NumericStats.nullable(),
    histogram: Histogram.nullable(),
  })
  .meta({ id: "DatasetColumnProfile" });
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const ScaleParams = z.union([
  z.object({ mean: z.number(), std: z.number() }),
  z.object({ min: z.number(), max: z.number() }),
]);
export type ScaleParams = z.infer<typeof ScaleParams>;

export const ClassCount = z
  .object({ label: z.string(), index: z.number().int(), count: z.number().int() })
  .meta({ id: "DatasetClass" });
export type ClassCount = z.infer<typeof ClassCount>;

export const CleaningReport = z
  .object({
    /** Data rows in the upload (a header line is not a row). */
    sourceRows: z.number().int(),
    /** Rows after cleaning: what training splits. */
    rows: z.number().int(),
    duplicatesRemoved: z.number().int(),
    /** Per kept column (features and target): missing cells in the rows as uploaded. */
    missing: z.record(z.string(), z.number().int()),
    missingStrategy: z.enum(["impute", "drop"]),
    /** Cells filled in (missingStrategy impute), over the kept rows. */
    imputed: z.number().int(),
    /** Rows dropped because a feature was missing (missingStrategy drop). */
    rowsDroppedMissing: z.number().int(),
    /** Rows dropped because their target was missing. */
    targetMissingDropped: z.number().int(),
    /** Per numeric feature: cells outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR]. Flagged, never removed. */
    outliers: z.record(z.string(), z.number().int()),
    /** Rows with at least one flagged cell. */
    outlierRows: z.number().int(),
    normalisation: z.object({ method: NormalisationMethod, params: z.record(z.string(), ScaleParams) }),
    /** Categorical features and the categories they are one-hot encoded into. */
    oneHot: z.record(z.string(), z.array(z.string())),
    /** Label → class index. */
    labels: z.record(z.string(), z.number().int()),
    classes: z.array(ClassCount),
    /** The delimiter used (the detected one when `auto`). */
    delimiter: z.string(),
    /** Things worth a second look that did not stop the upload, e.g. a header line made of numbers. */
    warnings: z.array(z.string()).default([]),
    /**
     * Numeric features (not zero-means-missing) whose exact zeros look like "not
     * measured" (lib/datasets/zero-suspects.ts). Null: the version was cleaned
     * before this check existed, so nobody looked; [] means checked, none found.
     */
    zeroSuspects: z.array(ZeroSuspect).nullable().default(null).meta({
      description:
        "features whose exact zeros look like 'not measured' (re-clean with zeroMissing); null when the version predates the check",
    }),
    columns: z.array(ColumnProfile),
  })
  .meta({ id: "DatasetCleaningReport" });
export type CleaningReport = z.infer<typeof CleaningReport>;
