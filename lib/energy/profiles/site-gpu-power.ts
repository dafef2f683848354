import type pg from "pg";
import { getPool } from "../../database/pool";
import type { BucketPoint } from "./profiles";
import type { GpuCoverage } from "./gpu-power";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../units";

/**
 * A site's GPU power per minute as a continuous aggregate of the per-GPU
 * 1-minute rollups ("SiteGpuPower1m"): the same sum over GPUs of each one's
 * mean in the minute that a query over "GpuRollup1m" gives, read from ~1,440
 * rows a day instead of one row per GPU per minute. Triggers on the rollups
 * (and on moves between sites) record the spans they touch, in the writer's
 * transaction; `refreshSiteGpuPower` recomputes those spans. Readers refresh
 * first, so what they read is exact as of their call; the worker refreshes
 * every few seconds so readers seldom have anything to do.
 */

const REFRESH_LOCK = 7_301_002; // pg_advisory_xact_lock key: one refresh at a time

// Every pending span, taken and merged (overlapping spans are read once). Bounds
// as text: a move between sites invalidates ±infinity, which JS dates can't hold.
const TAKE_SPANS_SQL = `WITH taken AS (
    DELETE FROM "SiteGpuPowerInvalidation" RETURNING tstzrange("fromBucket", "toBucket", '[]') AS span
  )
  SELECT lower(s.span)::text AS "from", upper(s.span)::text AS "to" FROM (SELECT unnest(range_agg(span)) AS span FROM taken) s`;

// One span recomputed from the rollups: buckets with data are upserted,
// buckets left without any deleted. Run with the span's bounds as parameters,
// so the planner sees how narrow it is (an index range scan for the minute the
// worker refreshes, a sequential scan for a move's whole history).
const RECOMPUTE_SPAN_SQL = `WITH fresh AS (
    SELECT k."siteId", r."bucket", sum(r."sum" / r."count") AS watts, count(*)::int AS gpus
      FROM "GpuRollup1m" r JOIN "Gpu" g ON g."id" = r."gpuId" JOIN "Server" s ON s."id" = g."serverId" JOIN "Rack" k ON k."id" = s."rackId"
     WHERE r."fieldId" = (SELECT f."id" FROM "TelemetryField" f WHERE f."name" = 'DCGM_FI_DEV_POWER_USAGE')
       AND r."bucket" >= $1::timestamptz AND r."bucket" <= $2::timestamptz
     GROUP BY 1, 2
  ), upserted AS (
    INSERT INTO "SiteGpuPower1m" ("siteId", "bucket", "watts", "gpus") SELECT * FROM fresh ORDER BY 1, 2
    ON CONFLICT ("siteId", "bucket") DO UPDATE SET "watts" = EXCLUDED."watts", "gpus" = EXCLUDED."gpus"
    RETURNING 1
  ), emptied AS (
    DELETE FROM "SiteGpuPower1m" p
     WHERE p."bucket" >= $1::timestamptz AND p."bucket" <= $2::timestamptz
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."siteId" = p."siteId" AND f."bucket" = p."bucket")
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM emptied)::int AS emptied`;

export type RefreshResult = { spans: number; written: number; emptied: number };

/**
 * Recomputes every span left pending, in one transaction: the spans taken and
 * the rows written commit together, and a refresh that fails leaves its spans
 * pending. Refreshes run one at a time (an earlier snapshot must not overwrite
 * a later one); each statement's snapshot is taken after the lock, so a
 * refresh sees every fold that committed before it got its turn.
 */
export async function refreshSiteGpuPower(pool: pg.Pool = getPool()): Promise<RefreshResult> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
    // A span's size is known only at run time; JIT-compiling for a wide estimate
    // costs a server ~0.4 s on a refresh that reads one minute in ~5 ms.
    await client.query("SET LOCAL jit = off");
    const spans = (await client.query<{ from: string; to: string }>(TAKE_SPANS_SQL)).rows;
    const result: RefreshResult = { spans: spans.length, written: 0, emptied: 0 };
    for (const span of spans) {
      const { rows } = await client.query<{ written: number; emptied: number }>(RECOMPUTE_SPAN_SQL, [
        span.from,
        span.to,
      ]);
      result.written += rows[0]!.written;
      result.emptied += rows[0]!.emptied;
    }
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Refreshes when anything is pending (a cheap check): what follows reads the aggregate as exact as the rollups. */
export async function ensureSiteGpuPowerFresh(pool: pg.Pool = getPool()): Promise<void> {
  const { rows } = await pool.query<{ pending: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "SiteGpuPowerInvalidation") AS pending`,
  );
  if (rows[0]!.pending) await refreshSiteGpuPower(pool);
}

/** The site's GPUs' power per minute bucket overlapping [fromMs, toMs), W. */
export async function readSiteGpuPowerPerMinute(siteId: string, fromMs: number, toMs: number): Promise<BucketPoint[]> {
  const pool = getPool();
  await ensureSiteGpuPowerFresh(pool);
  const { rows } = await pool.query<{ bucket: Date; watts: number }>(
    `SELECT "bucket", "watts" FROM "SiteGpuPower1m" WHERE "siteId" = $1::uuid AND "bucket" > $2 AND "bucket" < $3 ORDER BY "bucket"`,
    [siteId, new Date(fromMs - MS_PER_MINUTE), new Date(toMs)],
  );
  return rows.map((r) => ({ bucketMs: r.bucket.getTime(), avgW: r.watts }));
}

/**
 * How much of [fromMs, toMs) × the site's GPUs their minute power rollups
 * cover, from the aggregate: GPU-minutes are its per-bucket counts, first and
 * last its first and last buckets. How many distinct GPUs reported can't be
 * summed from per-minute counts; it is read per GPU (see gpusOfSite).
 */
export async function readSiteGpuCoveragePerMinute(
  siteId: string,
  powerFieldId: number,
  fromMs: number,
  toMs: number,
): Promise<GpuCoverage> {
  const pool = getPool();
  await ensureSiteGpuPowerFresh(pool);
  const [covered, gpus] = await Promise.all([
    pool.query<{ covered_s: number | null; first: Date | null; last: Date | null }>(
      `SELECT sum(w."gpus" * extract(epoch FROM w.hi - w.lo))::float8 AS covered_s, min(w.lo) AS first, max(w.hi) AS last FROM (
          SELECT p."gpus", greatest(p."bucket", $2::timestamptz) AS lo, least(p."bucket" + interval '1 minute', $3::timestamptz) AS hi
            FROM "SiteGpuPower1m" p WHERE p."siteId" = $1::uuid AND p."bucket" > $4 AND p."bucket" < $3) w`,
      [siteId, new Date(fromMs), new Date(toMs), new Date(fromMs - MS_PER_MINUTE)],
    ),
    gpusOfSite(siteId, powerFieldId, fromMs, toMs),
  ]);
  const r = covered.rows[0]!;
  return {
    ...gpus,
    coveredGpuMs: (r.covered_s ?? 0) * 1000,
    firstMs: r.first?.getTime() ?? null,
    lastMs: r.last?.getTime() ?? null,
  };
}

/**
 * The site's GPUs, and how many of them have a power minute bucket overlapping
 * [fromMs, toMs). Each GPU's latest power reading ("GpuLatest") settles most:
 * in a minute before the range's, it sent nothing in it; inside it, it did.
 * Only a GPU whose latest reading is at or after the range's end (a past
 * period, or a clock ahead of ours) is looked up in its rollups: an hour
 * bucket for whole hours inside the range, minute buckets for the parts of
 * hours at its edges — index probes, not a scan of every GPU's every minute.
 */
async function gpusOfSite(
  siteId: string,
  powerFieldId: number,
  fromMs: number,
  toMs: number,
): Promise<{ gpus: number; gpusReporting: number }> {
  const firstWholeHour = Math.ceil(fromMs / MS_PER_HOUR) * MS_PER_HOUR;
  const endWholeHours = Math.max(firstWholeHour, Math.floor(toMs / MS_PER_HOUR) * MS_PER_HOUR);
  const { rows } = await getPool().query<{ gpus: number; reporting: number }>(
    `SELECT count(*)::int AS gpus, count(*) FILTER (WHERE date_trunc('minute', l."at", 'UTC') > $3 AND (l."at" < $4
          OR EXISTS (SELECT 1 FROM "GpuRollup1h" h WHERE h."gpuId" = l."gpuId" AND h."fieldId" = $2 AND h."bucket" >= $5 AND h."bucket" < $6)
          OR EXISTS (SELECT 1 FROM "GpuRollup1m" m WHERE m."gpuId" = l."gpuId" AND m."fieldId" = $2
                      AND ((m."bucket" > $3 AND m."bucket" < least($5, $4)) OR (m."bucket" >= $6 AND m."bucket" < $4)))))::int AS reporting
       FROM "Gpu" g JOIN "Server" s ON s."id" = g."serverId" JOIN "Rack" k ON k."id" = s."rackId"
       LEFT JOIN "GpuLatest" l ON l."gpuId" = g."id" AND l."fieldId" = $2
      WHERE k."siteId" = $1::uuid`,
    [
      siteId,
      powerFieldId,
      new Date(fromMs - MS_PER_MINUTE),
      new Date(toMs),
      new Date(firstWholeHour),
      new Date(endWholeHours),
    ],
  );
  return { gpus: rows[0]!.gpus, gpusReporting: rows[0]!.reporting };
}
