import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getConfig } from "../config";
import { dayOf, ensurePartitions, forgetPartitions } from "./partitions";

/** Columns of samples to store, as parallel arrays (one array per column). */
export type SampleColumns = { gpuIds: string[]; fieldIds: number[]; atMs: number[]; values: number[] };

// One statement: raw insert (duplicates skipped) and, from exactly the rows
// that were new, an append to the pending table the fold drains — so posting a
// batch twice neither stores nor folds it twice. Rollups and latest values are
// not touched here: upserting three tables per sample cost ~75% of ingest time
// (bench/ingest.bench.ts), and the fold does it once per chunk instead of once
// per request (lib/telemetry/fold.ts).
const STORE_SQL = `
WITH ins AS (
  INSERT INTO "GpuSample" ("gpuId", "fieldId", "at", "value")
  SELECT * FROM unnest($1::uuid[], $2::int2[], $3::timestamptz[], $4::float8[])
  ON CONFLICT DO NOTHING
  RETURNING "gpuId", "fieldId", "at", "value"
), pending AS (
  INSERT INTO "GpuSamplePending" ("gpuId", "fieldId", "at", "value") SELECT * FROM ins RETURNING "seq"
)
SELECT (SELECT count(*)::int FROM ins) AS stored, (SELECT coalesce(array_agg("seq"), '{}') FROM pending)::text[] AS seqs`;

export type StoredSamples = { stored: number; /** Pending-queue keys of the new samples (for foldPendingChunk). */ seqs: string[] };

/**
 * Stores raw samples and queues the new ones for the fold. With `wantSeqs` the
 * answer names the queued rows (an ingest that folds its own small batch);
 * otherwise, on a PostgreSQL server, a batch goes in by COPY.
 */
export async function storeSamples(pool: pg.Pool, cols: SampleColumns, { wantSeqs = true } = {}): Promise<StoredSamples> {
  if (cols.gpuIds.length === 0) return { stored: 0, seqs: [] };
  const days = new Set(cols.atMs.map(dayOf));
  await ensurePartitions(pool, days);
  const attempt = async () => {
    // COPY is the server's fastest way in (about twice the rows/s of INSERT … ON
    // CONFLICT here) but has no ON CONFLICT: it is tried first and, if the batch
    // holds a sample already stored (a retry), rolled back and redone by the
    // idempotent statement. pglite-socket does not speak COPY's sub-protocol.
    if (!wantSeqs && getConfig().RACKMIND_DB_KIND !== "pglite") {
      const copied = await copySamples(pool, cols);
      if (copied !== null) return { stored: copied, seqs: [] };
    }
    const params = [cols.gpuIds, cols.fieldIds, cols.atMs.map((ms) => new Date(ms).toISOString()), cols.values];
    return (await pool.query<StoredSamples>(STORE_SQL, params)).rows[0]!;
  };
  try {
    return await attempt();
  } catch (err) {
    // Another process may have dropped a day partition this one still thought existed.
    if ((err as { code?: string }).code !== "23514") throw err;
    forgetPartitions();
    await ensurePartitions(pool, days);
    return await attempt();
  }
}

const UNIQUE_VIOLATION = "23505";

/** COPYs the samples into the raw and pending tables in one transaction; null when one was already stored. */
async function copySamples(pool: pg.Pool, cols: SampleColumns): Promise<number | null> {
  const chunks = copyText(cols);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY "GpuSample" ("gpuId", "fieldId", "at", "value") FROM STDIN`)));
    await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY "GpuSamplePending" ("gpuId", "fieldId", "at", "value") FROM STDIN`)));
    await client.query("COMMIT");
    return cols.gpuIds.length;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) return null;
    throw err;
  } finally {
    client.release();
  }
}

/** COPY text format in ~64 KiB pieces (one stream chunk per row would make the stream the bottleneck). */
function copyText(cols: SampleColumns): string[] {
  const chunks: string[] = [];
  let buf = "";
  for (let i = 0; i < cols.gpuIds.length; i++) {
    // Values are finite (ingest rejects the rest), so String() gives float8 input.
    buf += `${cols.gpuIds[i]}\t${cols.fieldIds[i]}\t${new Date(cols.atMs[i]!).toISOString()}\t${cols.values[i]}\n`;
    if (buf.length >= 65_536) {
      chunks.push(buf);
      buf = "";
    }
  }
  if (buf) chunks.push(buf);
  return chunks;
}

// Folds one chunk of pending samples into the 1-minute and 1-hour rollups and
// the latest values, deleting them from the queue in the same statement (a
// crash mid-fold rolls both back, so nothing is folded twice or lost). SKIP
// LOCKED lets several folders (worker processes, an ingest folding its own small
// batch) take disjoint chunks; rows are ordered so concurrent folders lock
// rollup rows in the same order (no deadlocks). Buckets are truncated in UTC
// whatever the session's time zone.
const rollupCte = (name: string, table: string, unit: "minute" | "hour") => `${name} AS (
  INSERT INTO "${table}" AS r ("gpuId", "fieldId", "bucket", "min", "max", "sum", "count")
  SELECT "gpuId", "fieldId", date_trunc('${unit}', "at", 'UTC'), min("value"), max("value"), sum("value"), count(*)
  FROM chunk GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("gpuId", "fieldId", "bucket") DO UPDATE SET
    "min" = LEAST(r."min", EXCLUDED."min"), "max" = GREATEST(r."max", EXCLUDED."max"),
    "sum" = r."sum" + EXCLUDED."sum", "count" = r."count" + EXCLUDED."count"
)`;

const FOLD_SQL = `
WITH chunk AS (
  DELETE FROM "GpuSamplePending" WHERE "seq" IN (
    SELECT "seq" FROM "GpuSamplePending" WHERE $2::int8[] IS NULL OR "seq" = ANY($2::int8[])
    ORDER BY "seq" LIMIT $1 FOR UPDATE SKIP LOCKED
  )
  RETURNING "gpuId", "fieldId", "at", "value"
), ${rollupCte("m", "GpuRollup1m", "minute")}, ${rollupCte("h", "GpuRollup1h", "hour")}, l AS (
  INSERT INTO "GpuLatest" AS l ("gpuId", "fieldId", "at", "value")
  SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", "at", "value" FROM chunk ORDER BY "gpuId", "fieldId", "at" DESC
  ON CONFLICT ("gpuId", "fieldId") DO UPDATE SET "at" = EXCLUDED."at", "value" = EXCLUDED."value" WHERE l."at" <= EXCLUDED."at"
)
SELECT count(*)::int AS folded, coalesce(array_agg(DISTINCT "gpuId"), '{}')::text[] AS "gpuIds" FROM chunk`;

/**
 * Folds up to `limit` pending samples, oldest first, or only those with these
 * queue keys (an ingest folding its own batch); returns how many, and which
 * GPUs they were of. Rows another folder holds are skipped, not waited for.
 */
export async function foldPendingChunk(pool: pg.Pool, limit: number, seqs?: string[]): Promise<{ folded: number; gpuIds: string[] }> {
  return (await pool.query<{ folded: number; gpuIds: string[] }>(FOLD_SQL, [limit, seqs ?? null])).rows[0]!;
}

/** Samples waiting to be folded (the fold's backlog). */
export async function pendingSampleCount(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "GpuSamplePending"`)).rows[0]!.n;
}
