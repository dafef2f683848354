import { z } from "zod";
import { PageQuery } from "../pagination";

// The zod schemas at lib/datasets' boundaries: the upload query string (HTTP),
// the library's own options (what tests and the worker pass), and the answers.

/** Names go in URLs (/datasets/{name}) and refs (`name@3`): no spaces, slashes or `@`. */
export const DatasetName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only");

/**
 * A column by name or by 0-based index. A string is matched as a name first and
 * only then read as an index, so a header named "3" still means that column.
 * Negative indexes count from the end (-1 is the last column).
 */
export const ColumnRef = z.union([z.string().trim().min(1).max(200), z.number().int()]);
export type ColumnRef = z.infer<typeof ColumnRef>;

export const ColumnType = z.enum(["numeric", "categorical"]).meta({ id: "DatasetColumnType" });
export type ColumnType = z.infer<typeof ColumnType>;
export const ColumnRole = z.enum(["feature", "target", "ignored"]);
export type ColumnRole = z.infer<typeof ColumnRole>;
export const ImputeStrategy = z.enum(["mean", "median", "mode"]);
export type ImputeStrategy = z.infer<typeof ImputeStrategy>;
export const NormalisationMethod = z.enum(["zscore", "minmax", "none"]);
export type NormalisationMethod = z.infer<typeof NormalisationMethod>;
export const Delimiter = z.enum(["auto", ",", ";", "|", "tab", "whitespace"]);
export type Delimiter = z.infer<typeof Delimiter>;

/** Uploads are parsed in memory; above this the API answers 413 before reading further. */
export const MAX_DATASET_BYTES = 100 * 1024 * 1024;

/**
 * How an upload is read and cleaned: the library's options, with defaults.
 * `impute.numeric` is the default strategy for numeric features; categorical
 * features are always imputed with their mode; `impute.columns` overrides per column.
 */
export const DatasetOptions = z.object({
  header: z.boolean().default(true),
  /** Column names for a file without a header; without them columns are c0..cN. */
  columns: z.array(z.string().trim().min(1).max(200)).min(1).optional(),
  /** Default: the last column. */
  target: ColumnRef.optional(),
  ignore: z.array(ColumnRef).default([]),
  /** Columns that look numeric but are codes (e.g. a zip code): one-hot encoded. */
  categorical: z.array(ColumnRef).default([]),
  /** Columns where 0 means "not measured" (Pima's glucose, insulin, BMI…). */
  zeroMissing: z.array(ColumnRef).default([]),
  impute: z
    .object({
      numeric: ImputeStrategy.default("median"),
      columns: z.array(z.tuple([ColumnRef, ImputeStrategy])).default([]),
    })
    .default({ numeric: "median", columns: [] }),
  /** `drop` removes rows with a missing feature instead of imputing. */
  missing: z.enum(["impute", "drop"]).default("impute"),
  normalisation: NormalisationMethod.default("zscore"),
  delimiter: Delimiter.default("auto"),
  duplicates: z.enum(["remove", "keep"]).default("remove"),
});
export type DatasetOptions = z.infer<typeof DatasetOptions>;
export type DatasetOptionsInput = z.input<typeof DatasetOptions>;

// Query strings carry lists as `a,b,c` or as repeated keys.
const list = z.union([z.string(), z.array(z.string())]).transform((v) =>
  (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean),
);

/** `impute=mean` (default for numeric columns), `impute=insulin:median,glucose:mean`, or both mixed. */
const imputeSpec = list.transform((parts, ctx) => {
  const impute: { numeric?: ImputeStrategy; columns: [string, ImputeStrategy][] } = { columns: [] };
  for (const part of parts) {
    const at = part.lastIndexOf(":");
    const strategy = ImputeStrategy.safeParse(at < 0 ? part : part.slice(at + 1).trim());
    if (!strategy.success) {
      ctx.addIssue({ code: "custom", message: `"${part}" is not mean, median or mode, nor column:strategy` });
      return z.NEVER;
    }
    if (at < 0) impute.numeric = strategy.data;
    else impute.columns.push([part.slice(0, at).trim(), strategy.data]);
  }
  return impute;
});

const delimiterParam = z
  .string()
  .transform((v) => (v === "\t" || v === "\\t" ? "tab" : v === "comma" ? "," : v === "semicolon" ? ";" : v))
  .pipe(Delimiter);

/**
 * The upload's query parameters as sent (strings); UploadDatasetQuery turns
 * them into DatasetOptions. Strict: a misspelt option (zeromissing=…) is a 422,
 * not silently a differently cleaned dataset.
 */
export const UploadDatasetParams = z.strictObject({
  name: DatasetName,
  header: z.stringbool().optional().meta({ description: "whether the first line names the columns (default true)" }),
  target: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({ description: "target column: name, or 0-based index (default: the last column)" }),
  columns: list.optional().meta({ description: "column names when header=false, comma separated (default c0..cN)" }),
  ignore: list.optional().meta({ description: "columns to leave out (e.g. an id), names or indexes" }),
  categorical: list.optional().meta({ description: "numeric-looking columns to treat as categories" }),
  zeroMissing: list.optional().meta({ description: "columns where 0 means missing (Pima: 1,2,3,4,5)" }),
  impute: imputeSpec.optional().meta({
    description:
      "default numeric strategy and/or column:strategy pairs; mean|median|mode (default median; categorical always mode)",
  }),
  missing: z
    .enum(["impute", "drop"])
    .optional()
    .meta({ description: "drop rows with a missing feature instead of imputing" }),
  normalisation: NormalisationMethod.optional(),
  delimiter: delimiterParam
    .optional()
    .meta({ description: "auto (default), ',', ';', '|', tab or whitespace (runs of spaces/tabs)" }),
  duplicates: z.enum(["remove", "keep"]).optional(),
});

/** `POST /api/v1/datasets?name=&header=&target=&…`: the name plus DatasetOptions, from strings. */
export const UploadDatasetQuery = UploadDatasetParams.transform(({ name, impute, ...rest }, ctx) => {
  const options = DatasetOptions.safeParse({ ...rest, impute });
  if (options.success) return { name, options: options.data };
  for (const issue of options.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});
export type UploadDatasetQuery = z.infer<typeof UploadDatasetQuery>;

const refs = z.array(ColumnRef).max(10_000);

/**
 * `POST /api/v1/datasets/{name}/versions`: clean the stored bytes of version
 * `from` again, with its options except those given here (each given option
 * replaces the stored one whole: send the full zeroMissing list, not an
 * addition). Strict, like the upload: a misspelt option is a 422.
 */
export const RecleanVersionBody = z
  .strictObject({
    from: z.number().int().min(1).meta({ description: "the version whose stored bytes are cleaned again" }),
    header: z.boolean().optional(),
    columns: z
      .array(z.string().trim().min(1).max(200))
      .min(1)
      .max(10_000)
      .nullable()
      .optional()
      .meta({ description: "column names for a file without a header; null for c0..cN" }),
    target: ColumnRef.optional(),
    ignore: refs.optional(),
    categorical: refs.optional(),
    zeroMissing: refs.optional().meta({
      description:
        "columns where 0 means missing (the whole list; e.g. the report's zeroSuspects plus the version's own zeroMissing)",
    }),
    impute: z
      .strictObject({ numeric: ImputeStrategy.optional(), columns: z.record(z.string(), ImputeStrategy).optional() })
      .optional()
      .meta({
        description: "numeric default and/or per-column strategies (by name); each part given replaces the stored one",
      }),
    missing: z.enum(["impute", "drop"]).optional(),
    normalisation: NormalisationMethod.optional(),
    delimiter: Delimiter.optional(),
    duplicates: z.enum(["remove", "keep"]).optional(),
  })
  .meta({ id: "DatasetRecleanRequest" });
export type RecleanVersionBody = z.infer<typeof RecleanVersionBody>;

/** A version's stored options (column-plan.ts ResolvedOptions), read back from jsonb before a re-clean. */
export const StoredOptions = z.object({
  header: z.boolean(),
  delimiter: Delimiter.exclude(["auto"]),
  columns: z.array(z.string()).nullable(),
  target: z.string(),
  ignore: z.array(z.string()),
  categorical: z.array(z.string()),
  zeroMissing: z.array(z.string()),
  impute: z.object({ numeric: ImputeStrategy, columns: z.record(z.string(), ImputeStrategy) }),
  missing: z.enum(["impute", "drop"]),
  normalisation: NormalisationMethod,
  duplicates: z.enum(["remove", "keep"]),
});
export type StoredOptions = z.infer<typeof StoredOptions>;

/** `name`, `name@3`, or a version's id. */
export const DatasetRef = z.string().trim().min(1).max(100);

export const DatasetVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const ListDatasetsQuery = PageQuery;
export type ListDatasetsQuery = z.infer<typeof ListDatasetsQuery>;
