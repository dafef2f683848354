import { z } from "zod";
import { db, type Prisma } from "../db";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { decodeCursor, toPage, type Page, type PageQuery } from "../pagination";
import { cleanDataset } from "./clean";
import { decodeCleaned, type CleanedDataset } from "./cleaned-dataset";
import {
  toVersionOut,
  toVersionSummaryOut,
  versionSelect,
  versionSummarySelect,
  type DatasetSummaryOut,
  type DatasetVersionOut,
  type DatasetVersionSummaryOut,
  type UploadDatasetOut,
} from "./dataset-views";
import { MAX_DATASET_BYTES, type DatasetOptionsInput } from "./schemas";
import { storeVersion } from "./version-store";

/**
 * Cleans an uploaded CSV and stores it as the next version of dataset `name`
 * (creating the dataset on its first upload), with an audit event in the same
 * transaction. The same bytes with the same (resolved) options as an existing
 * version of this dataset return that version with `isExisting: true` and
 * write nothing, not even an audit event. A file that cannot be cleaned is a
 * 422 before anything is written.
 *
 * `csv` is the body as decoded UTF-8; its UTF-8 encoding is stored as `source`
 * and hashed (for a valid UTF-8 upload these are exactly the bytes sent).
 */
export async function uploadDataset(
  name: string,
  csv: string,
  options: DatasetOptionsInput,
  actor: Principal,
): Promise<UploadDatasetOut> {
  const source = new Uint8Array(Buffer.from(csv, "utf8"));
  if (source.byteLength > MAX_DATASET_BYTES) {
    throw new AppError("payload_too_large", `Datasets are limited to ${MAX_DATASET_BYTES} bytes`, {
      limitBytes: MAX_DATASET_BYTES,
    });
  }
  const result = cleanDataset(csv, options);
  return storeVersion({ name, source, result, actor, audit: { action: "dataset.upload", details: {} } });
}

const NameCursor = z.object({ name: z.string() });

/** Datasets by name, each with its latest version. */
export async function listDatasets(query: PageQuery): Promise<Page<DatasetSummaryOut>> {
  const after = query.cursor ? decodeCursor(query.cursor, NameCursor).name : undefined;
  const rows = await db.dataset.findMany({
    where: after === undefined ? {} : { name: { gt: after } },
    orderBy: { name: "asc" },
    take: query.limit + 1,
    select: {
      name: true,
      createdBy: true,
      createdAt: true,
      _count: { select: { versions: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: versionSummarySelect },
    },
  });
  // A dataset row only ever commits with its first version; the filter is for the type.
  return toPage(
    rows.filter((r) => r.versions[0]),
    query.limit,
    (r) => ({ name: r.name }),
    (r) => ({
      name: r.name,
      versions: r._count.versions,
      latest: toVersionSummaryOut(r.name, r.versions[0]!),
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

const VersionCursor = z.object({ version: z.number().int() });

/** A dataset's versions, newest first. */
export async function listDatasetVersions(name: string, query: PageQuery): Promise<Page<DatasetVersionSummaryOut>> {
  const dataset = await db.dataset.findUnique({ where: { name }, select: { id: true } });
  if (!dataset) throw new AppError("not_found", `Dataset ${name} does not exist`);
  const before = query.cursor ? decodeCursor(query.cursor, VersionCursor).version : undefined;
  const rows = await db.datasetVersion.findMany({
    where: { datasetId: dataset.id, ...(before === undefined ? {} : { version: { lt: before } }) },
    orderBy: { version: "desc" },
    take: query.limit + 1,
    select: versionSummarySelect,
  });
  return toPage(
    rows,
    query.limit,
    (r) => ({ version: r.version }),
    (r) => toVersionSummaryOut(name, r),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `name@3` → {name, version}; `name` → latest; a UUID → that version's id. */
function parseRef(ref: string): Prisma.DatasetVersionWhereInput & { describe: string } {
  if (UUID.test(ref)) return { id: ref.toLowerCase(), describe: `Dataset version ${ref}` };
  const at = ref.lastIndexOf("@");
  if (at < 0) return { dataset: { name: ref }, describe: `Dataset ${ref}` };
  const version = Number(ref.slice(at + 1));
  if (!Number.isInteger(version) || version < 1)
    throw new AppError("unprocessable_entity", `"${ref}" is not name@version with a version from 1`);
  return { dataset: { name: ref.slice(0, at) }, version, describe: `Dataset ${ref.slice(0, at)} version ${version}` };
}

/**
 * One version with its cleaning report: `ref` is a version id, `name`
 * (the latest version) or `name@version`. 404 when there is no such version.
 */
export async function getDatasetVersion(ref: string): Promise<DatasetVersionOut> {
  const { describe, ...where } = parseRef(ref);
  const row = await db.datasetVersion.findFirst({ where, orderBy: { version: "desc" }, select: versionSelect });
  if (!row) throw new AppError("not_found", `${describe} does not exist`);
  return toVersionOut(row);
}

/** The cleaned rows training reads (see cleaned-dataset.ts for the stored format). */
export async function loadCleaned(versionId: string): Promise<CleanedDataset> {
  // Postgres would refuse a non-UUID for the uuid column with a server error; it is simply not a version.
  if (!UUID.test(versionId)) throw new AppError("not_found", `Dataset version ${versionId} does not exist`);
  const row = await db.datasetVersion.findUnique({ where: { id: versionId }, select: { cleaned: true } });
  if (!row) throw new AppError("not_found", `Dataset version ${versionId} does not exist`);
  return decodeCleaned(row.cleaned);
}
