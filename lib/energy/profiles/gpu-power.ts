import { getPool } from "../../database/pool";
import { findFieldId } from "../../telemetry/store/field-ids";
import { getTelemetrySettings } from "../../telemetry/settings";
import type { BucketPoint, CounterPoint, PowerPoint } from "./profiles";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../units";
import { readSiteGpuCoveragePerMinute, readSiteGpuPowerPerMinute } from "./site-gpu-power";

/** dcgm fields GPU energy is computed from: power in W, and an energy counter in mJ. */
export const POWER_FIELD = "DCGM_FI_DEV_POWER_USAGE";
export const ENERGY_COUNTER_FIELD = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION";

export type GpuSource = "raw" | "1m" | "1h";
export const rollupWidthMs = { "1m": MS_PER_MINUTE, "1h": MS_PER_HOUR } as const;
const rollupTable = { "1m": `"GpuRollup1m"`, "1h": `"GpuRollup1h"` } as const;

/**
 * An hour bucket's mean counts only for the part of the hour the GPU reported:
 * its sample count over the GPU's fullest hour in the range. Without this, two
 * hours of samples starting at :17 would count as three full hours. Minute
 * buckets need no weighting (their partial edges are seconds; and with a 30 s
 * scrape, jitter makes counts 2 or 3, which would skew a max-based coverage).
 */
function coverageSql(source: "1m" | "1h", r: string): string {
  return source === "1h" ? `least(1, ${r}."count"::float8 / max(${r}."count") OVER (PARTITION BY ${r}."gpuId"))` : "1";
}

// Raw samples (every 10–30 s) are read for spans up to this long; longer spans
// read 1-minute means, ~60× fewer rows, for an error far below a meter's.
const RAW_MAX_SPAN_MS = 6 * MS_PER_HOUR;

/**
 * The finer rollup that still holds data from `fromMs` on, given its
 * retention; hourly means also for spans longer than `fineUpToMs` (site-wide
 * sums over weeks would otherwise scan every GPU's every minute).
 */
export async function chooseRollup(
  fromMs: number,
  toMs: number,
  nowMs: number,
  fineUpToMs = Infinity,
): Promise<"1m" | "1h"> {
  const s = await getTelemetrySettings();
  return fromMs >= nowMs - s.rollup1mRetentionDays * MS_PER_DAY && toMs - fromMs <= fineUpToMs ? "1m" : "1h";
}

/** Spans longer than this read hourly means when summing a whole site's GPUs. */
export const SITE_FINE_MAX_SPAN_MS = 2 * MS_PER_DAY;

/** The finest store that still holds [fromMs, toMs) in full, given retention, and is cheap enough to read. */
export async function chooseGpuSource(fromMs: number, toMs: number, nowMs: number): Promise<GpuSource> {
  const s = await getTelemetrySettings();
  if (toMs - fromMs <= RAW_MAX_SPAN_MS && fromMs >= nowMs - s.rawRetentionDays * MS_PER_DAY) return "raw";
  return chooseRollup(fromMs, toMs, nowMs);
}

export async function gpuFieldIds(): Promise<{ power: number | null; energy: number | null }> {
  const pool = getPool();
  return { power: await findFieldId(pool, POWER_FIELD), energy: await findFieldId(pool, ENERGY_COUNTER_FIELD) };
}

/** Raw samples of one GPU field in [fromMs, toMs] (both ends: callers pad the range to interpolate its edges). */
export async function readGpuSamples(
  gpuId: string,
  fieldId: number,
  fromMs: number,
  toMs: number,
): Promise<CounterPoint[]> {
  const { rows } = await getPool().query<{ at: Date; value: number }>(
    `SELECT "at", "value" FROM "GpuSample" WHERE "gpuId" = $1::uuid AND "fieldId" = $2 AND "at" >= $3 AND "at" <= $4 ORDER BY "at"`,
    [gpuId, fieldId, new Date(fromMs), new Date(toMs)],
  );
  return rows.map((r) => ({ atMs: r.at.getTime(), value: r.value }));
}

export const asPowerPoints = (points: CounterPoint[]): PowerPoint[] =>
  points.map((p) => ({ atMs: p.atMs, watts: p.value }));

/** One GPU's mean power per rollup bucket overlapping [fromMs, toMs). */
export async function readGpuRollup(
  gpuId: string,
  fieldId: number,
  source: "1m" | "1h",
  fromMs: number,
  toMs: number,
): Promise<BucketPoint[]> {
  const { rows } = await getPool().query<{ bucket: Date; avg: number }>(
    `SELECT r."bucket", r."sum" / r."count" * ${coverageSql(source, "r")} AS avg FROM ${rollupTable[source]} r
      WHERE r."gpuId" = $1::uuid AND r."fieldId" = $2 AND r."bucket" > $3 AND r."bucket" < $4 ORDER BY r."bucket"`,
    [gpuId, fieldId, new Date(fromMs - rollupWidthMs[source]), new Date(toMs)],
  );
  return rows.map((r) => ({ bucketMs: r.bucket.getTime(), avgW: r.avg }));
}

const siteGpus = `JOIN "Gpu" g ON g.id = r."gpuId" JOIN "Server" s ON s.id = g."serverId" JOIN "Rack" k ON k.id = s."rackId"`;

/**
 * The site's GPUs' power per rollup bucket: the sum over GPUs of each one's
 * mean in the bucket, W. A GPU that sent nothing in a bucket adds nothing.
 */
export async function readSiteGpuPower(
  siteId: string,
  source: "1m" | "1h",
  fromMs: number,
  toMs: number,
): Promise<BucketPoint[]> {
  const { power } = await gpuFieldIds();
  if (power === null) return [];
  // Minute sums are kept per site as they arrive; hour buckets need each GPU's coverage weight.
  if (source === "1m") return readSiteGpuPowerPerMinute(siteId, fromMs, toMs);
  const { rows } = await getPool().query<{ bucket: Date; watts: number }>(
    `SELECT w."bucket", sum(w.watts) AS watts FROM (
        SELECT r."bucket", r."sum" / r."count" * ${coverageSql(source, "r")} AS watts FROM ${rollupTable[source]} r ${siteGpus}
         WHERE k."siteId" = $1::uuid AND r."fieldId" = $2 AND r."bucket" > $3 AND r."bucket" < $4) w
      GROUP BY w."bucket" ORDER BY w."bucket"`,
    [siteId, power, new Date(fromMs - rollupWidthMs[source]), new Date(toMs)],
  );
  return rows.map((r) => ({ bucketMs: r.bucket.getTime(), avgW: r.watts }));
}

/** How much of [fromMs, toMs) × the site's GPUs their power telemetry covers. */
export type GpuCoverage = {
  gpus: number;
  gpusReporting: number;
  coveredGpuMs: number;
  firstMs: number | null;
  lastMs: number | null;
};

/**
 * The telemetry GPU energy rests on: how many of the site's GPUs sent power
 * readings in the range, and for how much GPU-time (each rollup bucket's part
 * inside the range, an hour weighted by its sample count as for energy). A
 * site whose GPUs reported for ten minutes of a day has ten minutes of GPU
 * energy, and must say so rather than pass for the day's.
 */
export async function readSiteGpuCoverage(
  siteId: string,
  source: "1m" | "1h",
  fromMs: number,
  toMs: number,
): Promise<GpuCoverage> {
  const pool = getPool();
  const { power } = await gpuFieldIds();
  if (power !== null && source === "1m") return readSiteGpuCoveragePerMinute(siteId, power, fromMs, toMs);
  const gpus = (
    await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Gpu" g JOIN "Server" s ON s.id = g."serverId" JOIN "Rack" k ON k.id = s."rackId" WHERE k."siteId" = $1::uuid`,
      [siteId],
    )
  ).rows[0]!.n;
  if (power === null) return { gpus, gpusReporting: 0, coveredGpuMs: 0, firstMs: null, lastMs: null };
  const widthMs = rollupWidthMs[source];
  const { rows } = await pool.query<{
    reporting: number;
    covered_s: number | null;
    first: Date | null;
    last: Date | null;
  }>(
    `SELECT count(DISTINCT w."gpuId")::int AS reporting, sum(w.cov * extract(epoch FROM w.hi - w.lo))::float8 AS covered_s, min(w.lo) AS first, max(w.hi) AS last FROM (
        SELECT r."gpuId", ${coverageSql(source, "r")} AS cov,
               greatest(r."bucket", $3::timestamptz) AS lo, least(r."bucket" + make_interval(secs => $5::int), $4::timestamptz) AS hi
          FROM ${rollupTable[source]} r ${siteGpus}
         WHERE k."siteId" = $1::uuid AND r."fieldId" = $2 AND r."bucket" > $6 AND r."bucket" < $4) w`,
    [siteId, power, new Date(fromMs), new Date(toMs), widthMs / 1000, new Date(fromMs - widthMs)],
  );
  const r = rows[0]!;
  return {
    gpus,
    gpusReporting: r.reporting,
    coveredGpuMs: (r.covered_s ?? 0) * 1000,
    firstMs: r.first?.getTime() ?? null,
    lastMs: r.last?.getTime() ?? null,
  };
}

export type GpuEnergyRow = { gpuId: string; uuid: string; hostname: string; rack: string; kwh: number };

/**
 * Each of the site's GPUs' energy over [fromMs, toMs) from rollup means, summed
 * in the database: mean W × the part of the bucket inside the range (s) ÷ 3.6e6
 * = kWh — the same rectangles `rollupProfile` integrates, without shipping
 * every bucket of every GPU to Node.
 */
export async function readGpuEnergyBySite(
  siteId: string,
  source: "1m" | "1h",
  fromMs: number,
  toMs: number,
): Promise<GpuEnergyRow[]> {
  const { power } = await gpuFieldIds();
  if (power === null) return [];
  const widthMs = rollupWidthMs[source];
  const { rows } = await getPool().query<GpuEnergyRow>(
    `SELECT w."gpuId", w.uuid, w.hostname, w.rack, sum(w.wh) / 1000.0 AS kwh FROM (
        SELECT g.id AS "gpuId", g.uuid, s.hostname, k.name AS rack,
               (r."sum" / r."count") * ${coverageSql(source, "r")}
                 * extract(epoch FROM least(r."bucket" + make_interval(secs => $5::int), $4::timestamptz) - greatest(r."bucket", $3::timestamptz)) / 3600.0 AS wh
          FROM ${rollupTable[source]} r ${siteGpus}
         WHERE k."siteId" = $1::uuid AND r."fieldId" = $2 AND r."bucket" > $6 AND r."bucket" < $4) w
      GROUP BY w."gpuId", w.uuid, w.hostname, w.rack`,
    [siteId, power, new Date(fromMs), new Date(toMs), widthMs / 1000, new Date(fromMs - widthMs)],
  );
  return rows.map((r) => ({ ...r, kwh: Number(r.kwh) }));
}
