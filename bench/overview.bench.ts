/**
 * overview: the Overview page's data — every panel, read by the same lib/
 * functions the page calls, at once as the page streams them — on a generated
 * fleet of 1,000 servers / 8,000 GPUs with a day of 1-minute samples of
 * utilisation, temperature and power (34.6M raw rows at full size), against
 * the same telemetry answers computed naively from raw rows (latest values,
 * last-seen times, today's GPU energy and the 24 h power trend per site; the
 * panels that read no telemetry are run the same way on both sides), in the
 * same run. ratio = naive p50 ÷ page p50; target ≥ 20 with page p95 ≤ 150 ms.
 * Scale with BENCH_GPUS (default 8000). Needs a PostgreSQL server (see
 * bench/server-database.ts); a throwaway database is made and dropped.
 */
import pg from "pg";
import { applyMigrations } from "../lib/database/migrations";
import { withServerDatabase } from "./server-database";
import { percentile, time } from "./stats";

const GPUS = Number(process.env.BENCH_GPUS ?? 8000);
const END = Math.floor(Date.now() / 60_000) * 60_000;
const START = END - 86_400_000;
const FIELDS = ["DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE"];

/** The fleet and its day of telemetry, bulk-loaded as a restore would (indexes built once, per day partition). */
async function load(c: pg.Client): Promise<void> {
  await c.query(`INSERT INTO "Site" (name) VALUES ('s1'), ('s2')`);
  await c.query(
    `INSERT INTO "Rack" ("siteId", name, "powerCapKw") SELECT s.id, s.name || '-r' || g, 40 FROM "Site" s, generate_series(1, ${GPUS / 160}) g`,
  );
  await c.query(`INSERT INTO "Server" (hostname, "rackId", "positionU", "heightU")
    SELECT r.name || '-n' || g, r.id, 1 + (g - 1) * 4, 4 FROM "Rack" r, generate_series(1, 10) g`);
  await c.query(`INSERT INTO "Gpu" (uuid, "serverId", index, model, "memoryMiB")
    SELECT 'GPU-' || md5(s.hostname || g), s.id, g, 'NVIDIA H100 80GB HBM3', 81559 FROM "Server" s, generate_series(0, 7) g`);
  // A few GPUs failed and degraded, as a real fleet has: the attention panel lists them.
  await c.query(
    `UPDATE "Gpu" SET health = 'failed', "healthReason" = 'XID 48: double-bit ECC error' WHERE index = 3 AND md5(uuid) < '04'`,
  );
  await c.query(
    `UPDATE "Gpu" SET health = 'degraded', "healthReason" = 'temperature' WHERE index = 5 AND md5(uuid) < '04'`,
  );
  await c.query(`INSERT INTO "TelemetryField" (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [FIELDS]);
  await c.query(`SET maintenance_work_mem = '1GB'; SET synchronous_commit = off`);
  await c.query(`ALTER TABLE "GpuRollup1m" DROP CONSTRAINT "GpuRollup1m_pkey"; DROP INDEX "GpuRollup1m_bucket_idx"`);
  for (let d = Math.floor(START / 86_400_000) * 86_400_000; d < END; d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    const next = new Date(d + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Math.max(d, START)).toISOString();
    const to = new Date(Math.min(d + 86_400_000, END)).toISOString();
    const part = `"GpuSample_${day.replaceAll("-", "")}"`;
    await c.query(`CREATE TABLE ${part} (LIKE "GpuSample")`);
    // A diurnal wave per GPU: utilisation %, a temperature and a power draw that follow it.
    await c.query(
      `INSERT INTO ${part} ("gpuId", "fieldId", at, value)
      SELECT g.id, f.id, ts,
        CASE f.name WHEN 'DCGM_FI_DEV_GPU_UTIL' THEN 50 + 45 * sin(extract(epoch FROM ts) / 13751 + g.phase)
                    WHEN 'DCGM_FI_DEV_GPU_TEMP' THEN 40 + 40 * (0.5 + 0.5 * sin(extract(epoch FROM ts) / 13751 + g.phase))
                    ELSE 150 + 500 * (0.5 + 0.5 * sin(extract(epoch FROM ts) / 13751 + g.phase)) END
      FROM (SELECT id, (hashtext(id::text) % 628) / 100.0 AS phase FROM "Gpu") g
      CROSS JOIN "TelemetryField" f
      CROSS JOIN generate_series('${from}'::timestamptz, '${to}'::timestamptz - interval '1 minute', interval '1 minute') ts
      WHERE f.name = ANY($1::text[])`,
      [FIELDS],
    );
    await c.query(`INSERT INTO "GpuRollup1m" SELECT "gpuId", "fieldId", at, value, value, value, 1 FROM ${part}`);
    await c.query(
      `INSERT INTO "GpuRollup1h" SELECT "gpuId", "fieldId", date_trunc('hour', at, 'UTC'), min(value), max(value), sum(value), count(*) FROM ${part} GROUP BY 1, 2, 3
       ON CONFLICT ("gpuId", "fieldId", bucket) DO UPDATE SET min = least("GpuRollup1h".min, EXCLUDED.min), max = greatest("GpuRollup1h".max, EXCLUDED.max), sum = "GpuRollup1h".sum + EXCLUDED.sum, count = "GpuRollup1h".count + EXCLUDED.count`,
    );
    await c.query(
      `ALTER TABLE ${part} ADD PRIMARY KEY ("gpuId", "fieldId", at), ADD CONSTRAINT day CHECK (at >= '${day}' AND at < '${next}')`,
    );
    await c.query(`ALTER TABLE "GpuSample" ATTACH PARTITION ${part} FOR VALUES FROM ('${day}') TO ('${next}')`);
    await c.query(`ALTER TABLE ${part} DROP CONSTRAINT day`);
  }
  await c.query(
    `ALTER TABLE "GpuRollup1m" ADD CONSTRAINT "GpuRollup1m_pkey" PRIMARY KEY ("gpuId", "fieldId", "bucket")`,
  );
  await c.query(`CREATE INDEX "GpuRollup1m_bucket_idx" ON "GpuRollup1m" ("bucket")`);
  await c.query(
    `INSERT INTO "GpuLatest" SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", at, value FROM "GpuSample" WHERE at > $1 ORDER BY "gpuId", "fieldId", at DESC`,
    [new Date(END - 600_000)],
  );
  await c.query(`INSERT INTO "GpuLastSeen" SELECT "gpuId", max(at) FROM "GpuLatest" GROUP BY 1`);
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
      return {
        ratio,
        meetsTarget: ratio >= 20 && pageP95 <= 150,
        pageP50Ms: pageP50,
        pageP95Ms: pageP95,
        naiveP50Ms: naiveP50,
        panelsMs,
        gpus: GPUS,
        servers: GPUS / 8,
        rawRows: rows,
        loadSeconds,
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
