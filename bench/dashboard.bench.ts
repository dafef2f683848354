/**
 * dashboard: a generated fleet of 1,000 servers / 8,000 GPUs with 7 days of
 * 1-minute samples of utilisation and temperature (161M raw rows at full size),
 * then the dashboard's queries answered from the rollups (fleet-wide ones read
 * the wide hour rows by field position; one GPU's series reads the narrow view
 * the GPU page reads) vs the same answers by
 * aggregating raw rows, in the same run. ratio = raw ms ÷ rollup ms (median of
 * the three queries' ratios). The GPU series is asked for a different GPU each
 * time (as operators open GPU pages), and for one GPU over and over
 * (gpuSeriesSameGpu: every page cached on both sides). Reports load time and
 * database size.
 * Scale with BENCH_GPUS and BENCH_DAYS (defaults 8000 and 7). Needs a PostgreSQL
 * server (see bench/ingest.bench.ts); a throwaway database is made and dropped.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../lib/database/migrations";
import { SESSION_OPTIONS } from "../lib/database/session-options";
import { loadGeneratedFleet } from "./generated-fleet";
import { percentile, time } from "./stats";

const GPUS = Number(process.env.BENCH_GPUS ?? 8000);
const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const END = Date.parse("2026-11-28T00:00:00Z");
const START = END - DAYS * 86_400_000;

async function load(c: pg.Client): Promise<void> {
  await loadGeneratedFleet(c, {
    gpus: GPUS,
    startMs: START,
    endMs: END,
    fields: ["DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_GPU_TEMP"],
  });
  await c.query("VACUUM ANALYZE");
}

// Each query twice: from the rollups (what the app runs) and from raw rows (the baseline).
const queries = {
  // Overview: per site, GPUs reporting, average utilisation and hottest GPU over the last hour.
  overview: {
    // The wide hour rows (exact: marked hours come from their minutes), one array position per field.
    rollup: `SELECT si.name, count(*) AS gpus, sum(r.sum[u.id]) / sum(r.count[u.id]) AS util, max(r.max[t.id]) AS hottest
      FROM "GpuRollupHourExact" r
      CROSS JOIN (SELECT id FROM "TelemetryField" WHERE name = 'DCGM_FI_DEV_GPU_UTIL') u
      CROSS JOIN (SELECT id FROM "TelemetryField" WHERE name = 'DCGM_FI_DEV_GPU_TEMP') t
      JOIN "Gpu" g ON g.id = r."gpuId" JOIN "Server" s ON s.id = g."serverId" JOIN "Rack" ra ON ra.id = s."rackId" JOIN "Site" si ON si.id = ra."siteId"
      WHERE r.bucket = $1::timestamptz - interval '1 hour' GROUP BY si.name`,
    raw: `SELECT si.name, count(DISTINCT r."gpuId") AS gpus, avg(r.value) FILTER (WHERE f.name = 'DCGM_FI_DEV_GPU_UTIL') AS util, max(r.value) FILTER (WHERE f.name = 'DCGM_FI_DEV_GPU_TEMP') AS hottest
      FROM "GpuSample" r JOIN "TelemetryField" f ON f.id = r."fieldId" JOIN "Gpu" g ON g.id = r."gpuId" JOIN "Server" s ON s.id = g."serverId" JOIN "Rack" ra ON ra.id = s."rackId" JOIN "Site" si ON si.id = ra."siteId"
      WHERE r.at >= $1::timestamptz - interval '1 hour' AND r.at < $1::timestamptz GROUP BY si.name`,
  },
  // GPU page: one GPU's temperature over the whole period, one point per hour.
  gpuSeries: {
    rollup: `SELECT bucket, sum / count FROM "GpuRollup1h" WHERE "gpuId" = $2 AND "fieldId" = (SELECT id FROM "TelemetryField" WHERE name = 'DCGM_FI_DEV_GPU_TEMP') AND bucket >= $3 AND bucket < $1 ORDER BY 1`,
    raw: `SELECT date_trunc('hour', at, 'UTC'), avg(value) FROM "GpuSample" WHERE "gpuId" = $2 AND "fieldId" = (SELECT id FROM "TelemetryField" WHERE name = 'DCGM_FI_DEV_GPU_TEMP') AND at >= $3 AND at < $1 GROUP BY 1 ORDER BY 1`,
  },
  // Trend chart: fleet-wide average utilisation per hour over the whole period.
  fleetTrend: {
    rollup: `SELECT bucket, sum(sum[u.id]) / sum(count[u.id]) FROM "GpuRollupHourExact", (SELECT id FROM "TelemetryField" WHERE name = 'DCGM_FI_DEV_GPU_UTIL') u WHERE bucket >= $2 AND bucket < $1 GROUP BY 1 ORDER BY 1`,
    raw: `SELECT date_trunc('hour', at, 'UTC'), avg(value) FROM "GpuSample" WHERE "fieldId" = (SELECT id FROM "TelemetryField" WHERE name = 'DCGM_FI_DEV_GPU_UTIL') AND at >= $2 AND at < $1 GROUP BY 1 ORDER BY 1`,
  },
};

export async function run() {
  const admin =
    process.env.RACKMIND_BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `rackmind_bench_${randomBytes(4).toString("hex")}`;
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  await a.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  // The app's session settings, so the queries run as the app runs them.
  const c = new pg.Client({ connectionString: url.toString(), options: SESSION_OPTIONS });
  try {
    await applyMigrations(url.toString());
    await c.connect();
    const t0 = performance.now();
    await load(c);
    const loadSeconds = (performance.now() - t0) / 1000;
    const rows = Number((await c.query(`SELECT count(*) FROM "GpuSample"`)).rows[0].count);
    const size = (await c.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]
      .s as string;
    // The GPU page is opened for one GPU after another: each timed series
    // query asks for a GPU not asked for before (the same GPUs on both sides),
    // so neither side is timed on pages the previous run just read. The same
    // GPU asked again and again is reported too (gpuSeriesSameGpu).
    const gpus = (await c.query<{ id: string }>(`SELECT id FROM "Gpu" ORDER BY md5(id::text) LIMIT 40`)).rows.map(
      (r) => r.id,
    );
    const args: Record<keyof typeof queries, (i: number) => unknown[]> = {
      overview: () => [new Date(END)],
      gpuSeries: (i) => [new Date(END), gpus[i % gpus.length], new Date(START)],
      fleetTrend: () => [new Date(END), new Date(START)],
    };
    const results: Record<string, { rollupP50: number; rollupP95: number; rawP50: number; ratio: number }> = {};
    const measure = async (q: { rollup: string; raw: string }, params: (i: number) => unknown[], rawRuns: number) => {
      let i = 0;
      const rollup = await time(() => c.query(q.rollup, params(i++)), 20);
      i = 0;
      const raw = await time(() => c.query(q.raw, params(i++)), rawRuns, 1);
      return {
        rollupP50: percentile(rollup, 50),
        rollupP95: percentile(rollup, 95),
        rawP50: percentile(raw, 50),
        ratio: Math.round(percentile(raw, 50) / percentile(rollup, 50)),
      };
    };
    for (const [key, q] of Object.entries(queries))
      results[key] = await measure(q, args[key as keyof typeof queries], key === "fleetTrend" ? 3 : 10);
    const ratios = Object.values(results)
      .map((r) => r.ratio)
      .sort((x, y) => x - y);
    const gpuSeriesSameGpu = await measure(queries.gpuSeries, () => [new Date(END), gpus[0], new Date(START)], 10);
    return {
      ratio: ratios[1]!,
      gpus: GPUS,
      days: DAYS,
      rawRows: rows,
      loadSeconds: Math.round(loadSeconds),
      databaseSize: size,
      overviewP95Ms: results.overview!.rollupP95,
      queries: { ...results, gpuSeriesSameGpu },
      database: "postgres",
    };
  } finally {
    await c.end().catch(() => undefined);
    await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await a.end();
  }
}
