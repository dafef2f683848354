// Big batches (aggregators, backfills) are stored at once and folded into the
// rollups, latest values and health by the worker's fold; the fold must count
// every sample exactly once, even with several folders at work.
import { beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { getPool } from "../../../lib/database/pool";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { foldTelemetry } from "../../../lib/telemetry/store/fold";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { pendingSampleCount } from "../../../lib/telemetry/store/fold-statements";

type Gpu = { id: string; uuid: string; index: number; hostname: string };
let gpus: Gpu[];
const receivedAt = new Date("2026-11-28T12:00:00Z");
const start = Date.parse("2026-11-28T09:00:00Z");

const page = (
  of: Gpu[],
  fromMs: number,
  count: number,
  value: (g: Gpu, i: number) => number,
  field = "DCGM_FI_DEV_GPU_TEMP",
) =>
  of
    .flatMap((g) =>
      Array.from(
        { length: count },
        (_, i) =>
          `${field}{gpu="${g.index}",UUID="${g.uuid}",Hostname="${g.hostname}"} ${value(g, i)} ${fromMs + i * 10_000}`,
      ),
    )
    .join("\n");

beforeAll(async () => {
  await seedDemoFleet();
  const rows = await db.gpu.findMany({
    where: { server: { hostname: { in: ["pdx1-r02-n01", "pdx1-r02-n02"] } } },
    include: { server: true },
    orderBy: [{ server: { hostname: "asc" } }, { index: "asc" }],
  });
  gpus = rows.map((g) => ({ id: g.id, uuid: g.uuid, index: g.index, hostname: g.server.hostname }));
});

async function rollupTotals(table: "GpuRollup1m" | "GpuRollup1h") {
  const { rows } = await getPool().query<{ n: number; s: number }>(
    `SELECT coalesce(sum("count"), 0)::int AS n, coalesce(sum("sum"), 0)::float8 AS s FROM "${table}" WHERE "gpuId" = ANY($1::uuid[])`,
    [gpus.map((g) => g.id)],
  );
  return rows[0]!;
}

describe("the telemetry fold", () => {
  it("stores a big batch at once and leaves rollups, latest values and health to the fold", async () => {
    // 16 GPUs × 180 samples = 2,880 samples: over the inline-fold limit.
    const text = page(gpus, start, 180, (g, i) => 40 + (i % 30) + g.index);
    const first = await ingestDcgm(text, receivedAt);
    expect(first).toMatchObject({ accepted: 2880, stored: 2880, queuedForFold: 2880 });
    expect(
      await getPool()
        .query(`SELECT count(*)::int AS n FROM "GpuSample" WHERE "gpuId" = ANY($1::uuid[])`, [gpus.map((g) => g.id)])
        .then((r) => r.rows[0].n),
    ).toBe(2880);
    expect((await rollupTotals("GpuRollup1m")).n).toBe(0);

    // A retry of the same batch before the fold ran stores and queues nothing.
    expect(await ingestDcgm(text, receivedAt)).toMatchObject({ stored: 0, duplicates: 2880, queuedForFold: 0 });

    const folded = await foldTelemetry();
    expect(folded).toMatchObject({ folded: 2880, batches: 1 });
    expect(await pendingSampleCount(getPool())).toBe(0);
    const raw = await getPool().query<{ s: number }>(
      `SELECT sum(value)::float8 AS s FROM "GpuSample" WHERE "gpuId" = ANY($1::uuid[])`,
      [gpus.map((g) => g.id)],
    );
    for (const table of ["GpuRollup1m", "GpuRollup1h"] as const) {
      const t = await rollupTotals(table);
      expect(t.n).toBe(2880);
      expect(t.s).toBeCloseTo(raw.rows[0]!.s, 6);
    }
    const latest = await db.gpuLatest.findMany({ where: { gpuId: gpus[0]!.id } });
    expect(latest.map((l) => [l.at.getTime(), l.value])).toEqual([
      [start + 179 * 10_000, 40 + (179 % 30) + gpus[0]!.index],
    ]);

    // Folding again finds nothing; the rollups stay as they are.
    expect(await foldTelemetry()).toMatchObject({ folded: 0, batches: 0 });
    expect((await rollupTotals("GpuRollup1m")).n).toBe(2880);
  });

  it("folds each sample once when several folders race", async () => {
    const before = (await rollupTotals("GpuRollup1m")).n;
    const earlier = start - 6 * 3600_000;
    // One batch over the queue's row limit (16 GPUs × 1,300 = 20,800 samples:
    // two rows) and three of 2,080 samples: five rows, three folders at once.
    const power = "DCGM_FI_DEV_POWER_USAGE";
    expect(
      await ingestDcgm(
        page(gpus, earlier, 1300, () => 55, power),
        receivedAt,
      ),
    ).toMatchObject({ stored: 20_800, queuedForFold: 20_800 });
    for (let b = 0; b < 3; b++)
      await ingestDcgm(
        page(gpus, earlier + 13_000_000 + b * 1_300_000, 130, () => 55, power),
        receivedAt,
      );
    expect(await pendingSampleCount(getPool())).toBe(27_040);
    const queuedRows = getConfig().RACKMIND_DB_KIND === "pglite" ? 5 : 4;
    // On PGlite raw samples are queued in rows of at most 20,000 (two for the
    // big batch); a server's COPY path queues each batch pre-aggregated, one
    // row per 1,000 GPUs.
    expect(
      await getPool()
        .query(`SELECT count(*)::int AS n FROM "TelemetryFoldBatch"`)
        .then((r) => r.rows[0].n),
    ).toBe(queuedRows);
    const results = await Promise.all([foldTelemetry(), foldTelemetry(), foldTelemetry()]);
    expect(results.reduce((n, r) => n + r.folded, 0)).toBe(27_040);
    expect(results.reduce((n, r) => n + r.batches, 0)).toBe(queuedRows);
    expect(await pendingSampleCount(getPool())).toBe(0);
    expect((await rollupTotals("GpuRollup1m")).n).toBe(before + 27_040);
    expect((await rollupTotals("GpuRollup1h")).n).toBe(before + 27_040);
  });

  it("folds on more lanes when the queue stands still, each batch once, within maxBatches", async () => {
    const before = (await rollupTotals("GpuRollup1m")).n;
    const field = "DCGM_FI_DEV_ENC_UTIL";
    const from = start - 12 * 3600_000;
    for (let k = 0; k < 8; k++)
      await ingestDcgm(
        page(gpus, from + k * 1_300_000, 130, () => k, field),
        receivedAt,
      );
    const limited = await foldTelemetry({ lanes: 3, maxBatches: 5 });
    expect(limited).toMatchObject({ batches: 5, folded: 5 * 2080 });
    const rest = await foldTelemetry({ lanes: 3 });
    expect(rest).toMatchObject({ batches: 3, folded: 3 * 2080 });
    expect(Math.max(limited.lanesUsed, rest.lanesUsed)).toBeGreaterThan(1);
    expect(await pendingSampleCount(getPool())).toBe(0);
    expect((await rollupTotals("GpuRollup1m")).n).toBe(before + 8 * 2080);
    expect((await rollupTotals("GpuRollup1h")).n).toBe(before + 8 * 2080);
  });

  it("yields to ongoing ingest (pauses between batches while new ones arrive) but not to a queue that stands still", async () => {
    const field = "DCGM_FI_DEV_MEM_CLOCK";
    const from = start - 9 * 3600_000;
    const batch = (k: number) =>
      ingestDcgm(
        page(gpus, from + k * 1_300_000, 130, () => 1000 + k, field),
        receivedAt,
      );
    for (let k = 0; k < 3; k++) await batch(k);
    expect(await foldTelemetry({ yieldToIngest: true })).toMatchObject({ folded: 3 * 2080, yieldedMs: 0 });
    // Batches keep arriving while the fold runs: it pauses after the ones it folds.
    for (let k = 3; k < 8; k++) await batch(k);
    let done = false;
    const folding = foldTelemetry({ yieldToIngest: true }).finally(() => (done = true));
    let k = 8;
    while (!done && k < 30) await batch(k++);
    const r = await folding;
    expect(r.yieldedMs).toBeGreaterThan(0);
    expect(r.folded + (await foldTelemetry()).folded).toBe((k - 3) * 2080);
    expect(await pendingSampleCount(getPool())).toBe(0);
  });

  it("derives health after the fold: an XID 48 in a big batch fails the GPU once folded", async () => {
    const victim = gpus[3]!;
    const xids = page(
      gpus,
      start + 3600 * 1000,
      130,
      (g, i) => (g === victim && i === 129 ? 48 : 0),
      "DCGM_FI_DEV_XID_ERRORS",
    );
    expect((await ingestDcgm(xids, receivedAt)).queuedForFold).toBe(2080);
    expect((await db.gpu.findUniqueOrThrow({ where: { id: victim.id } })).health).toBe("healthy");
    expect((await foldTelemetry()).healthChanges).toBe(1);
    expect(await db.gpu.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      health: "failed",
      healthReason: expect.stringMatching(/^XID 48/),
    });
  });

  it("degrades a GPU on sustained power-cap throttling only (≥ 3 samples, all with the bit), and lets it recover", async () => {
    const g = gpus[5]!;
    const at = start + 5400 * 1000;
    const push = (i: number, reasons: number) =>
      ingestDcgm(
        `DCGM_FI_DEV_CLOCK_THROTTLE_REASONS{gpu="${g.index}",UUID="${g.uuid}",Hostname="${g.hostname}"} ${reasons} ${at + i * 60_000}`,
        receivedAt,
      );
    const health = () => db.gpu.findUniqueOrThrow({ where: { id: g.id } }).then((x) => [x.health, x.healthReason]);
    await push(0, 0x4 | 0x1);
    await push(1, 0x4);
    expect(await health()).toEqual(["healthy", null]); // two samples are not "sustained"
    await push(2, 0x4);
    expect(await health()).toEqual(["degraded", "sustained power-cap throttling"]);
    await push(3, 0x1); // throttled for another reason: not the power cap
    expect(await health()).toEqual(["healthy", null]);
  });

  it("folds a node's own small page in the request, so it is current when the answer arrives", async () => {
    const res = await ingestDcgm(
      page(gpus.slice(0, 8), start + 7200 * 1000, 1, () => 77),
      receivedAt,
    );
    expect(res).toMatchObject({ stored: 8, queuedForFold: 0 });
    const latest = await db.gpuLatest.findMany({ where: { gpuId: { in: gpus.slice(0, 8).map((g) => g.id) } } });
    expect(latest.filter((l) => l.value === 77)).toHaveLength(8);
  });
});
