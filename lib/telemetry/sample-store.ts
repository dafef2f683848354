import type pg from "pg";
import { dayOf, ensurePartitions, forgetPartitions } from "./partitions";

/** Columns of samples to store, as parallel arrays (one array per column). */
export type SampleColumns = { gpuIds: string[]; fieldIds: number[]; atMs: number[]; values: number[] };

// One statement: raw insert (duplicates skipped), then the 1-minute and 1-hour
// rollups and the latest values are folded in from exactly the rows that were
// new — so posting a batch twice neither stores nor counts it twice. Buckets are
// truncated in UTC whatever the session's time zone; rows are ordered so two
// concurrent batches lock rollup rows in the same order (no deadlocks).
const rollupCte = (name: string, table: string, unit: "minute" | "hour") => `${name} AS (
  INSERT INTO "${table}" AS r ("gpuId", "fieldId", "bucket", "min", "max", "sum", "count")
  SELECT "gpuId", "fieldId", date_trunc('${unit}', "at", 'UTC'), min("value"), max("value"), sum("value"), count(*)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("gpuId", "fieldId", "bucket") DO UPDATE SET
    "min" = LEAST(r."min", EXCLUDED."min"), "max" = GREATEST(r."max", EXCLUDED."max"),
    "sum" = r."sum" + EXCLUDED."sum", "count" = r."count" + EXCLUDED."count"
)`;

const STORE_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::int2[], $3::timestamptz[], $4::float8[]) AS t("gpuId", "fieldId", "at", "value")
), ins AS (
  INSERT INTO "GpuSample" ("gpuId", "fieldId", "at", "value") SELECT * FROM input
  ON CONFLICT DO NOTHING
  RETURNING "gpuId", "fieldId", "at", "value"
), ${rollupCte("m", "GpuRollup1m", "minute")}, ${rollupCte("h", "GpuRollup1h", "hour")}, l AS (
  INSERT INTO "GpuLatest" AS l ("gpuId", "fieldId", "at", "value")
  SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", "at", "value" FROM ins ORDER BY "gpuId", "fieldId", "at" DESC
  ON CONFLICT ("gpuId", "fieldId") DO UPDATE SET "at" = EXCLUDED."at", "value" = EXCLUDED."value" WHERE l."at" <= EXCLUDED."at"
)
SELECT count(*)::int AS stored FROM ins`;

/** Stores samples and maintains rollups and latest values; returns how many were new. */
export async function storeSamples(pool: pg.Pool, cols: SampleColumns): Promise<number> {
  if (cols.gpuIds.length === 0) return 0;
  const days = new Set(cols.atMs.map(dayOf));
  await ensurePartitions(pool, days);
  const params = [cols.gpuIds, cols.fieldIds, cols.atMs.map((ms) => new Date(ms).toISOString()), cols.values];
  try {
    return (await pool.query<{ stored: number }>(STORE_SQL, params)).rows[0]!.stored;
  } catch (err) {
    // Another process may have dropped a day partition this one still thought existed.
    if ((err as { code?: string }).code !== "23514") throw err;
    forgetPartitions();
    await ensurePartitions(pool, days);
    return (await pool.query<{ stored: number }>(STORE_SQL, params)).rows[0]!.stored;
  }
}
