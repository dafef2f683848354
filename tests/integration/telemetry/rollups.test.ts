import { beforeAll, describe, expect, it } from "vitest";
import * as series from "../../../app/api/v1/gpus/[uuid]/series/route";
import { db } from "../../../lib/db";
import { getPool } from "../../../lib/database/pool";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { buildClosedHours } from "../../../lib/telemetry/store/hour-rollups";
import { listPartitionDays } from "../../../lib/telemetry/store/partitions";
import { maintainTelemetryStorage } from "../../../lib/telemetry/store/retention";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let viewer: string;
let gpu: { uuid: string; hostname: string; index: number; id: string };
const start = Date.parse("2026-11-28T08:00:00Z");
const receivedAt = new Date("2026-11-28T11:00:00Z");

beforeAll(async () => {
  viewer = (await tokensByRole()).viewer;
  await seedDemoFleet();
  const g = await db.gpu.findFirstOrThrow({
    where: { server: { hostname: "pdx1-r03-n02" }, index: 1 },
    include: { server: true },
  });
  gpu = { uuid: g.uuid, hostname: g.server.hostname, index: g.index, id: g.id };
  // Two hours of power samples every 10 s, a wave with noise, sent as shuffled
  // batches with one batch sent twice: rollups must match the raw rows exactly.
  const lines = Array.from({ length: 720 }, (_, i) => {
    const value = 300 + 200 * Math.sin(i / 30) + ((i * 7919) % 13);
    return `DCGM_FI_DEV_POWER_USAGE{gpu="${gpu.index}",UUID="${gpu.uuid}",Hostname="${gpu.hostname}"} ${value} ${start + i * 10_000}`;
  });
  const batches = [lines.slice(400), lines.slice(0, 250), lines.slice(250, 400), lines.slice(100, 200)];
  for (const b of batches) await ingestDcgm(b.join("\n"), receivedAt);
});

async function rawAggregates(unit: "minute" | "hour") {
  const { rows } = await getPool().query(
    `SELECT date_trunc($2, at, 'UTC') AS bucket, min(value) AS min, max(value) AS max, sum(value) AS sum, count(*)::int AS count
     FROM "GpuSample" WHERE "gpuId" = $1 GROUP BY 1 ORDER BY 1`,
    [gpu.id, unit],
  );
  return rows as { bucket: Date; min: number; max: number; sum: number; count: number }[];
}

describe("telemetry rollups", () => {
  it("keeps 1-minute and 1-hour rollups equal to aggregates of the raw samples", async () => {
    for (const [unit, table] of [
      ["minute", db.gpuRollup1m],
      ["hour", db.gpuRollup1h],
    ] as const) {
      const raw = await rawAggregates(unit);
      const rolled = await (table as typeof db.gpuRollup1m).findMany({
        where: { gpuId: gpu.id },
        orderBy: { bucket: "asc" },
      });
      expect(rolled).toHaveLength(raw.length);
      rolled.forEach((r, i) => {
        const x = raw[i]!;
        expect(r.bucket.getTime()).toBe(x.bucket.getTime());
        expect([r.min, r.max, r.count]).toEqual([x.min, x.max, x.count]);
        expect(r.sum).toBeCloseTo(x.sum, 6);
      });
    }
    expect((await rawAggregates("minute")).reduce((n, r) => n + r.count, 0)).toBe(720);
  });

  it("builds each closed hour from its minutes once, and again after a late sample, exact throughout", async () => {
    const pending = async () =>
      (await getPool().query<{ n: number }>(`SELECT count(DISTINCT "hour")::int AS n FROM "GpuRollupHourPending"`))
        .rows[0]!.n;
    const hourRows = () => db.gpuRollupHour.findMany({ where: { gpuId: gpu.id }, orderBy: { bucket: "asc" } });
    const expectHoursExact = async () => {
      const raw = await rawAggregates("hour");
      const rolled = await db.gpuRollup1h.findMany({ where: { gpuId: gpu.id }, orderBy: { bucket: "asc" } });
      expect(rolled.map((r) => [r.bucket.getTime(), r.min, r.max, r.count])).toEqual(
        raw.map((x) => [x.bucket.getTime(), x.min, x.max, x.count]),
      );
      rolled.forEach((r, i) => expect(r.sum).toBeCloseTo(raw[i]!.sum, 6));
    };
    // The samples span 08:00–10:00. At 09:30 only 08:00 has closed; at 10:01
    // 09:00 has, but the builder waits out a grace period for late scrapes.
    expect((await buildClosedHours(new Date("2026-11-28T09:30:00Z"))).built).toEqual(["2026-11-28T08:00:00.000Z"]);
    await expectHoursExact();
    expect((await buildClosedHours(new Date("2026-11-28T10:01:00Z"))).built).toEqual([]);
    const built = await buildClosedHours(new Date("2026-11-28T10:05:00Z"));
    expect(built.built).toEqual(["2026-11-28T09:00:00.000Z"]);
    expect(await pending()).toBe(0);
    const rows = await hourRows();
    expect(rows.map((r) => r.bucket.toISOString())).toEqual(["2026-11-28T08:00:00.000Z", "2026-11-28T09:00:00.000Z"]);
    await expectHoursExact();

    // A late sample for 08:xx marks the hour again; the view aggregates it from
    // its minutes at once, and the builder rebuilds it.
    const late = `DCGM_FI_DEV_POWER_USAGE{gpu="${gpu.index}",UUID="${gpu.uuid}",Hostname="${gpu.hostname}"} 9999 ${start + 5}`;
    expect(await ingestDcgm(late, receivedAt)).toMatchObject({ stored: 1 });
    expect(await pending()).toBe(1);
    await expectHoursExact();
    expect((await buildClosedHours(new Date("2026-11-28T10:06:00Z"))).built).toEqual(["2026-11-28T08:00:00.000Z"]);
    expect(await pending()).toBe(0);
    expect((await hourRows())[0]!.max).toContain(9999);
    await expectHoursExact();
  });

  it("serves a series from the rollup that fits the step, with the same averages as raw", async () => {
    const q = (step: number) =>
      call(series.GET, {
        token: viewer,
        params: { uuid: gpu.uuid },
        path: `/api/v1/gpus/${gpu.uuid}/series?metric=DCGM_FI_DEV_POWER_USAGE&from=2026-11-28T08:00:00Z&to=2026-11-28T10:00:00Z&step=${step}`,
      }).then((r) => r.body);
    const [perMinute, perHour, perTen] = await Promise.all([q(60), q(3600), q(10)]);
    expect([perMinute.source, perHour.source, perTen.source]).toEqual(["1m", "1h", "raw"]);
    expect(perMinute.points).toHaveLength(120);
    expect(perTen.points).toHaveLength(720);
    const raw = await rawAggregates("hour");
    expect(perHour.points.map(([t]: [string]) => t)).toEqual(raw.map((r) => r.bucket.toISOString()));
    perHour.points.forEach(([, avg]: [string, number], i: number) =>
      expect(avg).toBeCloseTo(raw[i]!.sum / raw[i]!.count, 6),
    );
    expect(perHour.max[0][1]).toBe(raw[0]!.max);
  });

  it("explains bad series queries", async () => {
    const bad = await call(series.GET, {
      token: viewer,
      params: { uuid: gpu.uuid },
      path: `/api/v1/gpus/${gpu.uuid}/series?metric=DCGM_FI_DEV_POWER_USAGE&from=2026-11-01T00:00:00Z&to=2026-11-28T00:00:00Z&step=1`,
    });
    expect(bad.status).toBe(422);
    expect(
      (await call(series.GET, { token: viewer, params: { uuid: "GPU-nope" }, path: "/x?metric=DCGM_FI_DEV_GPU_TEMP" }))
        .status,
    ).toBe(404);
    const unknownMetric = await call(series.GET, {
      token: viewer,
      params: { uuid: gpu.uuid },
      path: `/x?metric=DCGM_FI_NOT_A_FIELD`,
    });
    expect(unknownMetric.body.points).toEqual([]);
  });

  it("drops raw days past retention while the rollups stay", async () => {
    expect(await listPartitionDays(getPool())).toContain("2026-11-28");
    const result = await maintainTelemetryStorage(new Date("2026-12-10T00:00:00Z"));
    expect(result.droppedDays).toContain("2026-11-28");
    expect(await listPartitionDays(getPool())).toEqual(["2026-12-10", "2026-12-11"]);
    expect(await db.gpuSample.count()).toBe(0);
    expect(await db.gpuRollup1m.count({ where: { gpuId: gpu.id } })).toBe(120);
  });
});
