import { createHash } from "node:crypto";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { db, type Prisma } from "../db";
import type { CleanResult } from "./clean";
import { encodeCleaned } from "./cleaned-dataset";
import { toVersionOut, versionSelect, type UploadDatasetOut } from "./dataset-views";

/** JSON with object keys sorted at every level: Postgres jsonb does not keep key order, so stored options compare this way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type NewVersion = {
  name: string;
  /** The bytes as uploaded (for a re-clean, the earlier version's stored bytes). */
  source: Uint8Array<ArrayBuffer>;
  result: CleanResult;
  actor: Principal;
  /** `dataset.upload` or `dataset.reclean`, with what that path adds to the event's details. */
  audit: { action: string; details: Record<string, Prisma.InputJsonValue> };
};

/**
 * Stores a cleaned upload as the next version of dataset `name` (creating the
 * dataset on its first version), with an audit event in the same transaction.
 * The same bytes with the same resolved options as an existing version of
 * this dataset return that version with `isExisting: true` and write nothing,
 * not even an audit event. The cleaned hash is set by the database (see
 * migration 20261204030000) and read back with the row.
 */
export async function storeVersion({ name, source, result, actor, audit }: NewVersion): Promise<UploadDatasetOut> {
  const contentHash = sha256Hex(source);
  const optionsJson = canonicalJson(result.options);
  const cleaned = encodeCleaned(result.cleaned);
  return db.$transaction(
    async (tx) => {
      // Insert-if-absent, then lock the dataset row: concurrent uploads of one
      // name queue here, so version numbers never collide.
      await tx.$executeRaw`INSERT INTO "Dataset" ("name", "createdBy") VALUES (${name}, ${actorOf(actor)}) ON CONFLICT ("name") DO NOTHING`;
      const [dataset] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id"::text AS "id" FROM "Dataset" WHERE "name" = ${name} FOR UPDATE`;
      const datasetId = dataset!.id;
      const sameBytes = await tx.datasetVersion.findMany({
        where: { datasetId, contentHash },
        select: versionSelect,
        orderBy: { version: "asc" },
      });
      const existing = sameBytes.find((v) => canonicalJson(v.options) === optionsJson);
      if (existing) return { ...toVersionOut(existing), isExisting: true };

      const latest = await tx.datasetVersion.aggregate({ where: { datasetId }, _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      const created = await tx.datasetVersion.create({
        data: {
          datasetId,
          version,
          contentHash,
          options: result.options as unknown as Prisma.InputJsonValue,
          columns: result.columns,
          cleaning: result.report as unknown as Prisma.InputJsonValue,
          sourceRows: result.report.sourceRows,
          rows: result.report.rows,
          source,
          cleaned,
          createdBy: actorOf(actor),
        },
        select: versionSelect,
      });
      await recordAudit(tx, actor, {
        action: audit.action,
        target: `dataset:${name}`,
        details: {
          version,
          contentHash,
          cleanedHash: created.cleanedHash,
          rows: result.report.rows,
          sourceRows: result.report.sourceRows,
          options: result.options as unknown as Prisma.InputJsonValue,
          ...audit.details,
        },
      });
      return { ...toVersionOut(created), isExisting: false };
    },
    // Storing a large file takes a while; the default 30 s would cut it off.
    { timeout: 120_000 },
  );
}
