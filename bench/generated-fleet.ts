import type pg from "pg";

/**
 * A generated fleet for the dashboard-sized benches: two sites, `gpus / 160`
 * racks each of 10 servers × 8 GPUs, and 1-minute samples of `fields` over
 * [startMs, endMs) following a diurnal wave per GPU (utilisation %, a
 * temperature and a power draw that follow it). Bulk-loaded the way one
 * restores a dump: each day's partition (and the rollups) filled without
 * indexes, the indexes built once, then attached. With one sample per minute
 * each 1-minute rollup row holds that minute's samples; hour rollups are
 * grouped from the day's rows; latest values and last-seen times are from the
 * last 10 minutes. Rollup and latest rows are wide (arrays indexed by field id).
 */
export async function loadGeneratedFleet(
  c: pg.Client,
  o: { gpus: number; startMs: number; endMs: number; fields: string[]; rackPowerCapKw?: number },
): Promise<void> {
  await c.query(`INSERT INTO "Site" (name) VALUES ('s1'), ('s2')`);
  await c.query(
    `INSERT INTO "Rack" ("siteId", name, "powerCapKw") SELECT s.id, s.name || '-r' || g, $1::numeric FROM "Site" s, generate_series(1, ${o.gpus / 160}) g`,
    [o.rackPowerCapKw ?? null],
  );
  await c.query(`INSERT INTO "Server" (hostname, "rackId", "positionU", "heightU")
    SELECT r.name || '-n' || g, r.id, 1 + (g - 1) * 4, 4 FROM "Rack" r, generate_series(1, 10) g`);
  await c.query(`INSERT INTO "Gpu" (uuid, "serverId", index, model, "memoryMiB")
    SELECT 'GPU-' || md5(s.hostname || g), s.id, g, 'NVIDIA H100 80GB HBM3', 81559 FROM "Server" s, generate_series(0, 7) g`);
  await c.query(`INSERT INTO "TelemetryField" (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [o.fields]);
  await c.query(`SET maintenance_work_mem = '1GB'; SET synchronous_commit = off`);
  const maxId = (await c.query<{ n: number }>(`SELECT max(id)::int AS n FROM "TelemetryField"`)).rows[0]!.n;
  // One array per column, position = field id: [agg of field 1, agg of field 2, …], NULL where no sample.
  const wide = (agg: (filter: string) => string) =>
    `ARRAY[${Array.from({ length: maxId }, (_, i) => agg(`FILTER (WHERE "fieldId" = ${i + 1})`)).join(", ")}]`;
  const min = (f: string) => `min(value) ${f}`;
  const max = (f: string) => `max(value) ${f}`;
  const sum = (f: string) => `sum(value) ${f}`;
  const count = (f: string) => `nullif(count(*) ${f}, 0)::int`;
  const newestAt = (f: string) => `max(at) ${f}`;
  await c.query(
    `ALTER TABLE "GpuRollupMinute" DROP CONSTRAINT "GpuRollupMinute_pkey"; DROP INDEX "GpuRollupMinute_bucket_idx"`,
  );
  for (let d = Math.floor(o.startMs / 86_400_000) * 86_400_000; d < o.endMs; d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    const next = new Date(d + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Math.max(d, o.startMs)).toISOString();
    const to = new Date(Math.min(d + 86_400_000, o.endMs)).toISOString();
    const part = `"GpuSample_${day.replaceAll("-", "")}"`;
    await c.query(`CREATE TABLE ${part} (LIKE "GpuSample")`);
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
      [o.fields],
    );
    // Rollup rows laid out as the app writes them: the fold writes a scrape's
    // GPUs together and the hour builder an hour's, so one bucket's rows share
    // pages (GPU-major rows would put each on a page of its own).
    await c.query(
      `INSERT INTO "GpuRollupMinute" SELECT "gpuId", at, ${wide(min)}, ${wide(max)}, ${wide(sum)}, ${wide(count)} FROM ${part} GROUP BY 1, 2 ORDER BY 2, 1`,
    );
    await c.query(
      `INSERT INTO "GpuRollupHour" SELECT "gpuId", date_trunc('hour', at, 'UTC'), ${wide(min)}, ${wide(max)}, ${wide(sum)}, ${wide(count)} FROM ${part} GROUP BY 1, 2 ORDER BY 2, 1`,
    );
    await c.query(
      `ALTER TABLE ${part} ADD PRIMARY KEY ("gpuId", "fieldId", at), ADD CONSTRAINT day CHECK (at >= '${day}' AND at < '${next}')`,
    );
    await c.query(`ALTER TABLE "GpuSample" ATTACH PARTITION ${part} FOR VALUES FROM ('${day}') TO ('${next}')`);
    await c.query(`ALTER TABLE ${part} DROP CONSTRAINT day`);
  }
  await c.query(`ALTER TABLE "GpuRollupMinute" ADD CONSTRAINT "GpuRollupMinute_pkey" PRIMARY KEY ("gpuId", "bucket")`);
  await c.query(`CREATE INDEX "GpuRollupMinute_bucket_idx" ON "GpuRollupMinute" ("bucket")`);
  await c.query(
    `INSERT INTO "GpuLatestReadings" SELECT "gpuId", max(at), ${wide(newestAt)}, ${wide(max)}
       FROM (SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", at, value FROM "GpuSample" WHERE at > $1 ORDER BY "gpuId", "fieldId", at DESC) l
      GROUP BY 1`,
    [new Date(o.endMs - 600_000)],
  );
}
