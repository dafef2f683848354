import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "../../../lib/database/pool";
import { db } from "../../../lib/db";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { gpuFieldIds, readSiteGpuCoverage, readSiteGpuPower } from "../../../lib/energy/profiles/gpu-power";
import { refreshSiteGpuPower } from "../../../lib/energy/profiles/site-gpu-power";
import { foldTelemetry } from "../../../lib/telemetry/store/fold";
import { ingestDcgm } from "../../../lib/telemetry/ingest";

/**
 * The per-site minute aggregate answers exactly what the per-GPU rollups
 * answer — power per minute, GPU-time covered, first/last, GPUs reporting —
 * through the changes that could leave it behind: a minute filled by two
 * batches, a server moved to another site, rollups deleted by retention, and
 * periods in the past (GPUs that reported later).
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = Date.now();
const start = Math.floor(now / HOUR) * HOUR - 3 * HOUR;

type Gpu = { uuid: string; index: number; host: string };
let ams: Gpu[];
let fra: Gpu[];
let amsId: string;
let fraId: string;

const line = (g: Gpu, watts: number, atMs: number) =>
  `DCGM_FI_DEV_POWER_USAGE{gpu="${g.index}",UUID="${g.uuid}",Hostname="${g.host}"} ${watts} ${atMs}`;

async function ingest(lines: string[]) {
  await ingestDcgm(lines.join("\n"), new Date(now));
  await foldTelemetry();
}

/** The site's figures straight from the per-GPU minute rollups: the definition the aggregate must match. */
async function reference(siteId: string, fromMs: number, toMs: number) {
  const { power } = await gpuFieldIds();
  const q = (sql: string) => getPool().query(sql, [siteId, power, new Date(fromMs - MIN), new Date(toMs)]);
  const scope = `FROM "GpuRollup1m" r JOIN "Gpu" g ON g.id = r."gpuId" JOIN "Server" s ON s.id = g."serverId" JOIN "Rack" k ON k.id = s."rackId"
    WHERE k."siteId" = $1::uuid AND r."fieldId" = $2 AND r.bucket > $3 AND r.bucket < $4`;
  const points = (await q(`SELECT r.bucket, sum(r.sum / r.count) AS w ${scope} GROUP BY 1 ORDER BY 1`)).rows.map(
    (r) => ({ bucketMs: (r.bucket as Date).getTime(), avgW: Number(r.w) }),
  );
  const c = (
    await q(
      `SELECT count(DISTINCT r."gpuId")::int AS n, count(*)::int AS rows, min(r.bucket) AS first, max(r.bucket) AS last ${scope}`,
    )
  ).rows[0];
  return { points, gpusReporting: c.n as number, first: c.first as Date | null, last: c.last as Date | null };
}

async function expectSame(siteId: string, fromMs: number, toMs: number) {
  const ref = await reference(siteId, fromMs, toMs);
  const points = await readSiteGpuPower(siteId, "1m", fromMs, toMs);
  expect(points.map((p) => p.bucketMs)).toEqual(ref.points.map((p) => p.bucketMs));
  points.forEach((p, i) => expect(p.avgW).toBeCloseTo(ref.points[i]!.avgW, 6));
  const cov = await readSiteGpuCoverage(siteId, "1m", fromMs, toMs);
  expect(cov.gpusReporting).toBe(ref.gpusReporting);
  expect(cov.firstMs).toBe(ref.first === null ? null : Math.max(fromMs, ref.first.getTime()));
  expect(cov.lastMs).toBe(ref.last === null ? null : Math.min(toMs, ref.last.getTime() + MIN));
  return { points, cov };
}

beforeAll(async () => {
  await seedDemoFleet();
  const gpusOf = async (host: string) =>
    (await db.gpu.findMany({ where: { server: { hostname: host } }, orderBy: { index: "asc" } })).map((g) => ({
      uuid: g.uuid,
      index: g.index,
      host,
    }));
  ams = (await gpusOf("ams1-r02-n03")).slice(0, 3);
  fra = (await gpusOf("pdx1-r01-n02")).slice(0, 2);
  amsId = (await db.site.findUniqueOrThrow({ where: { name: "ams1" } })).id;
  fraId = (await db.site.findUniqueOrThrow({ where: { name: "pdx1" } })).id;
  // An hour of samples every 20 s; the last ams GPU only in the first 10 minutes.
  const lines: string[] = [];
  for (let t = start; t < start + HOUR; t += 20_000) {
    ams.forEach((g, i) => (i < 2 || t < start + 10 * MIN) && lines.push(line(g, 200 + 50 * i, t)));
    fra.forEach((g) => lines.push(line(g, 400, t)));
  }
  await ingest(lines);
});

describe("site GPU power per minute", () => {
  it("matches the per-GPU rollups over the whole hour and over a part starting mid-minute", async () => {
    const { points, cov } = await expectSame(amsId, start, start + HOUR);
    expect(points).toHaveLength(60);
    expect(points[0]!.avgW).toBeCloseTo(200 + 250 + 300, 6);
    expect(points[30]!.avgW).toBeCloseTo(200 + 250, 6);
    expect(cov.coveredGpuMs).toBe((2 * 60 + 10) * MIN);
    await expectSame(fraId, start, start + HOUR);
    // Ends before the third GPU's last reading: it is looked up in its rollups, not in its latest value.
    await expectSame(amsId, start + 90_000 + 30_000, start + 7 * MIN);
    // Starts after it stopped: two GPUs, although three reported within the hour.
    const late = await expectSame(amsId, start + 20 * MIN, start + 2 * HOUR);
    expect(late.cov.gpusReporting).toBe(2);
  });

  it("follows a minute that a second batch adds to", async () => {
    const t = start + 5 * MIN + 10_000; // between this minute's first samples, so the minute's mean changes
    await ingest([line(ams[0]!, 1200, t)]);
    const { points } = await expectSame(amsId, start, start + HOUR);
    expect(points[5]!.avgW).toBeCloseTo((200 * 3 + 1200) / 4 + 250 + 300, 6);
  });

  it("moves a server's history with it to its new site, and back", async () => {
    const server = await db.server.findUniqueOrThrow({ where: { hostname: "pdx1-r01-n02" } });
    const amsRack = await db.rack.findFirstOrThrow({ where: { siteId: amsId } });
    await db.server.update({ where: { id: server.id }, data: { rackId: amsRack.id } });
    try {
      const { points } = await expectSame(amsId, start, start + HOUR);
      expect(points[30]!.avgW).toBeCloseTo(200 + 250 + 800, 6);
      expect((await readSiteGpuPower(fraId, "1m", start, start + HOUR)).length).toBe(0);
    } finally {
      await db.server.update({ where: { id: server.id }, data: { rackId: server.rackId } });
    }
    await expectSame(fraId, start, start + HOUR);
    await expectSame(amsId, start, start + HOUR);
  });

  it("drops minutes whose rollups were deleted, and refreshing twice changes nothing", async () => {
    await getPool().query(`DELETE FROM "GpuRollupMinute" WHERE bucket < $1`, [new Date(start + 10 * MIN)]);
    // Retention deletes before the 1-minute rollups' horizon, and periods reaching before it read hourly means;
    // the aggregate follows the deletion all the same.
    expect(await readSiteGpuPower(amsId, "1m", start, start + HOUR)).toHaveLength(50);
    await expectSame(amsId, start + 10 * MIN, start + HOUR);
    expect(await refreshSiteGpuPower()).toEqual({ spans: 0, written: 0, emptied: 0 });
  });
});
