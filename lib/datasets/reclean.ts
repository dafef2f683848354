import type { Principal } from "../auth/principal";
import { db } from "../db";
import { AppError } from "../errors";
import { cleanDataset } from "./clean";
import type { UploadDatasetOut } from "./dataset-views";
import { StoredOptions, type DatasetOptionsInput, type RecleanVersionBody } from "./schemas";
import { storeVersion } from "./version-store";

/**
 * Cleans the stored bytes of `name` version `from` again with its options
 * changed as `body` says, e.g. zero-means-missing for the columns the report
 * suspects, and stores the result like an upload of those bytes: a new
 * version (audited as `dataset.reclean`), or, when a version already has
 * these bytes and these resolved options, that version with
 * `isExisting: true` and nothing written. The operator never has to find
 * and upload the file again.
 */
export async function recleanDatasetVersion(
  name: string,
  body: RecleanVersionBody,
  actor: Principal,
): Promise<UploadDatasetOut> {
  const from = await db.datasetVersion.findFirst({
    where: { dataset: { name }, version: body.from },
    select: { source: true, options: true },
  });
  if (!from) throw new AppError("not_found", `Dataset ${name} version ${body.from} does not exist`);
  const stored = StoredOptions.safeParse(from.options);
  if (!stored.success) {
    throw new AppError(
      "conflict",
      `The options stored with ${name} version ${body.from} cannot be read back; upload the file again with the options you want`,
      stored.error.issues,
    );
  }
  const source = new Uint8Array(from.source);
  const result = cleanDataset(Buffer.from(source).toString("utf8"), mergeOptions(stored.data, body));
  const { from: version, ...changed } = body;
  return storeVersion({
    name,
    source,
    result,
    actor,
    audit: { action: "dataset.reclean", details: { from: version, changed: JSON.parse(JSON.stringify(changed)) } },
  });
}

/** The stored options with the body's replacing theirs; column names stay names, so they resolve as before. */
export function mergeOptions(stored: StoredOptions, body: RecleanVersionBody): DatasetOptionsInput {
  const columns = body.columns === undefined ? stored.columns : body.columns;
  const impute = {
    numeric: body.impute?.numeric ?? stored.impute.numeric,
    columns: Object.entries(body.impute?.columns ?? stored.impute.columns),
  };
  return {
    header: body.header ?? stored.header,
    columns: columns ?? undefined,
    target: body.target ?? stored.target,
    ignore: body.ignore ?? stored.ignore,
    categorical: body.categorical ?? stored.categorical,
    zeroMissing: body.zeroMissing ?? stored.zeroMissing,
    impute,
    missing: body.missing ?? stored.missing,
    normalisation: body.normalisation ?? stored.normalisation,
    delimiter: body.delimiter ?? stored.delimiter,
    duplicates: body.duplicates ?? stored.duplicates,
  };
}
