/**
 * overview: the Overview page's data — every panel, read by the same lib/
 * functions the page calls, at once as the page streams them — on a generated
 * fleet of 1,000 servers / 8,000 GPUs with a day of 1-minute samples of
 * utilisation, temperature and power (34.6M raw rows at full size), against
 * the same telemetry answers computed naively from raw rows (latest values,
 * last-seen times, today's GPU energy and the 24 h power trend per site; the
 * panels that read no telemetry are run the same way on both sides), in the
 * same run. ratio = naive p50 ÷ page p50; target ≥ 20 with page p95 ≤ 150 ms,
 * and the overview's first-load JS from a production build ≤ 300 KB gzipped.
 * Scale with BENCH_GPUS (default 8000). Needs a PostgreSQL server (see
 * bench/server-database.ts); a throwaway database is made and dropped.
 */
import pg from "pg";
import { applyMigrations } from "../lib/database/migrations";
import path from "node:path";
import { measureFirstLoadJs } from "./first-load-js";
import { loadGeneratedFleet } from "./generated-fleet";
import { withServerDatabase } from "./server-database";
import { percentile, time } from "./stats";

const GPUS = Number(process.env.BENCH_GPUS ?? 8000);
const END = Math.floor(Date.now() / 60_000) * 60_000;
const START = END - 86_400_000;
const FIELDS = ["DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE"];

/** The fleet and its day of telemetry, with a few GPUs failed and degraded as a real fleet has (the attention panel lists them). */
async function load(c: pg.Client): Promise<void> {
  await loadGeneratedFleet(c, { gpus: GPUS, startMs: START, endMs: END, fields: FIELDS, rackPowerCapKw: 40 });
  await c.query(
    `UPDATE "Gpu" SET health = 'failed', "healthReason" = 'XID 48: double-bit ECC error' WHERE index = 3 AND md5(uuid) < '04'`,
  );
  await c.query(
    `UPDATE "Gpu" SET health = 'degraded', "healthReason" = 'temperature' WHERE index = 5 AND md5(uuid) < '04'`,
  );
  await c.query("VACUUM ANALYZE");
}

/** The same telemetry answers the page reads from the latest-values tables and rollups, from raw rows. */
const NAIVE = {
  latest: `SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", at, value FROM "GpuSample" WHERE at >= $1 ORDER BY "gpuId", "fieldId", at DESC`,
  lastSeen: `SELECT "gpuId", max(at) FROM "GpuSample" WHERE at >= $1 GROUP BY 1`,
  energyToday: `SELECT si.name, sum(s.value) / 60 / 1000 AS kwh FROM "GpuSample" s
    JOIN "TelemetryField" f ON f.id = s."fieldId" AND f.name = 'DCGM_FI_DEV_POWER_USAGE'
    JOIN "Gpu" g ON g.id = s."gpuId" JOIN "Server" sv ON sv.id = g."serverId" JOIN "Rack" r ON r.id = sv."rackId" JOIN "Site" si ON si.id = r."siteId"
    WHERE s.at >= $1 GROUP BY 1`,
  trend: `SELECT si.name, date_trunc('hour', s.at, 'UTC') AS hour, sum(s.value) / 60 / 1000 AS kwh FROM "GpuSample" s
    JOIN "TelemetryField" f ON f.id = s."fieldId" AND f.name = 'DCGM_FI_DEV_POWER_USAGE'
    JOIN "Gpu" g ON g.id = s."gpuId" JOIN "Server" sv ON sv.id = g."serverId" JOIN "Rack" r ON r.id = sv."rackId" JOIN "Site" si ON si.id = r."siteId"
    WHERE s.at >= $1 GROUP BY 1, 2`,
};

/**
 * The worker's steady-state refresh: one more minute of every GPU's power
 * rollups arrives (as the fold upserts them), then the aggregate is refreshed.
 */
async function timeMinuteRefresh(c: pg.Client, refresh: () => Promise<unknown>): Promise<number> {
  const next = new Date(END);
  await c.query(
    `INSERT INTO "GpuRollupMinute" SELECT "gpuId", $1, min, max, sum, count FROM "GpuRollupMinute" WHERE bucket = $2
     ON CONFLICT DO NOTHING`,
    [next, new Date(END - 60_000)],
  );
  const t = performance.now();
  await refresh();
  return Math.round((performance.now() - t) * 10) / 10;
}

export async function run() {
  return withServerDatabase(async (url) => {
    await applyMigrations(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const t0 = performance.now();
      await load(c);
      const loadSeconds = Math.round((performance.now() - t0) / 1000);
      const rows = Number((await c.query(`SELECT count(*) FROM "GpuSample"`)).rows[0].count);

      // The page's own code, pointed at this database (lib/ reads DATABASE_URL on first use).
      process.env.DATABASE_URL = url;
      process.env.RACKMIND_DB_KIND = "postgres";
      const { resetConfig } = await import("../lib/config");
      resetConfig();
      const { loadOverview, loadNonTelemetryPanels, timePanels } = await import("./overview-data");
      // What the worker does every few seconds: the sites' per-minute GPU power, here for the whole day loaded at once.
      const { refreshSiteGpuPower } = await import("../lib/energy/profiles/site-gpu-power");
      const t1 = performance.now();
      await refreshSiteGpuPower();
      const aggregateBackfillSeconds = Math.round((performance.now() - t1) / 100) / 10;

      const page = await time(() => loadOverview(new Date(END)), 20);
      const panelsMs = await timePanels(new Date(END));
      const dayStart = new Date(Math.floor(END / 86_400_000) * 86_400_000);
      const naive = await time(
        () =>
          Promise.all([
            loadNonTelemetryPanels(new Date(END)),
            c.query(NAIVE.latest, [new Date(START)]),
            c.query(NAIVE.lastSeen, [new Date(START)]),
            c.query(NAIVE.energyToday, [dayStart]),
            c.query(NAIVE.trend, [new Date(START)]),
          ]),
        5,
        1,
      );
      const pageP50 = percentile(page, 50);
      const pageP95 = percentile(page, 95);
      const naiveP50 = percentile(naive, 50);
      const ratio = Math.round((naiveP50 / pageP50) * 10) / 10;
      const firstLoadJs = measureFirstLoadJs(path.resolve(import.meta.dirname, ".."), "(dashboard)/overview");
      return {
        ratio,
        meetsTarget: ratio >= 20 && pageP95 <= 150 && firstLoadJs.kbGzip <= 300,
        pageP50Ms: pageP50,
        pageP95Ms: pageP95,
        naiveP50Ms: naiveP50,
        panelsMs,
        gpus: GPUS,
        servers: GPUS / 8,
        rawRows: rows,
        loadSeconds,
        aggregateBackfillSeconds,
        aggregateMinuteRefreshMs: await timeMinuteRefresh(c, refreshSiteGpuPower),
        firstLoadJsKbGzip: firstLoadJs.kbGzip,
        firstLoadJsKbRaw: firstLoadJs.kbRaw,
        database: "postgres",
      };
    } finally {
      await c.end();
      const { disconnectDb } = await import("../lib/db");
      const { closePool } = await import("../lib/database/pool");
      await disconnectDb().catch(() => undefined);
      await closePool().catch(() => undefined);
    }
  });
}
