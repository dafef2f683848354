import { beforeAll, describe, expect, it } from "vitest";
import * as jobEnergy from "../../../app/api/v1/energy/jobs/[jobId]/route";
import * as racks from "../../../app/api/v1/energy/racks/route";
import * as breakdown from "../../../app/api/v1/energy/breakdown/route";
import * as summary from "../../../app/api/v1/energy/summary/route";
import * as readings from "../../../app/api/v1/energy/readings/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { findEnergyAlerts } from "../../../lib/energy/reports/alerts";
import { allocateGpus, releaseGpus } from "../../../lib/jobs/placement/allocations";
import { energyOfJob } from "../../../lib/energy/reports/job-energy";
import { seedDemoFleet } from "../../../lib/demo/demo-fleet";
import { foldTelemetry } from "../../../lib/telemetry/store/fold";
import { ingestDcgm } from "../../../lib/telemetry/ingest";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

const HOUR = 3_600_000;
const now = Date.now();
// Whole hours in the recent past, so samples are inside raw retention of `receivedAt`.
const start = Math.floor(now / HOUR) * HOUR - 3 * HOUR;
const end = start + 2 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

type Gpu = { uuid: string; index: number };
let op: string;
let viewer: string;
let gpus: Gpu[];
const HOST = "ams1-r01-n01";

const line = (field: string, g: Gpu, value: number, atMs: number) =>
  `${field}{gpu="${g.index}",UUID="${g.uuid}",Hostname="${HOST}"} ${value} ${atMs}`;

/** dcgm power samples every 10 s: 300 W while [start, end], 100 W in the 5 minutes either side. */
async function ingestPower(of: Gpu[]) {
  const lines: string[] = [];
  for (let t = start - 5 * 60_000; t <= end + 5 * 60_000; t += 10_000) {
    for (const g of of) lines.push(line("DCGM_FI_DEV_POWER_USAGE", g, t >= start && t <= end ? 300 : 100, t));
  }
  const res = await ingestDcgm(lines.join("\n"), new Date(now));
  expect(res).toMatchObject({ accepted: lines.length, rejected: 0 });
  await foldTelemetry(); // what the worker does within a second of a big batch
}

/** The energy counter of a GPU at 300 W for an hour, every 10 s, the driver reloading (counter reset) half-way. */
async function ingestCounter(of: Gpu[]) {
  const lines: string[] = [];
  for (let i = 0; i <= 360; i++) {
    // 300 W = 3e5 mJ/s = 3e6 mJ per 10 s; after the reset at sample 180 the counter restarts from 0.
    const mj = i < 180 ? 5e9 + i * 3e6 : (i - 179) * 3e6;
    for (const g of of) lines.push(line("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", g, mj, start + i * 10_000));
  }
  await ingestDcgm(lines.join("\n"), new Date(now));
  await foldTelemetry();
}

beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await seedDemoFleet();
  gpus = (await db.gpu.findMany({ where: { server: { hostname: HOST } }, orderBy: { index: "asc" } })).map((g) => ({
    uuid: g.uuid,
    index: g.index,
  }));
  await ingestPower(gpus.slice(0, 4));
  await ingestCounter(gpus.slice(4, 6));
  await allocateGpus(
    { jobId: "job-42", gpus: gpus.slice(0, 4).map((g) => g.uuid), startedAt: new Date(start), endedAt: new Date(end) },
    systemPrincipal,
  );
});

describe("energy of a training job", () => {
  it("attributes 2.4 kWh to a job holding 4 GPUs at 300 W for 2 hours, priced at the GPUs' site", async () => {
    const res = await call(jobEnergy.GET, { token: viewer, params: { jobId: "job-42" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jobId: "job-42", from: iso(start), to: iso(end), currency: "EUR" });
    expect(res.body.kwh).toBeCloseTo(2.4, 6);
    expect(res.body.cost).toBeCloseTo(2.4 * 0.21, 4);
    expect(res.body.co2eKg).toBeCloseTo(2.4 * 0.328, 6);
    expect(res.body.gpus).toHaveLength(4);
    for (const g of res.body.gpus)
      expect(g).toMatchObject({ kwh: 0.6, method: "power", site: "ams1", hostname: HOST, gaps: [] });
  });

  it("gets the same from 1-minute rollups once raw samples are past retention", async () => {
    const later = await energyOfJob("job-42", new Date(now + 10 * 24 * HOUR));
    expect(later.kwh).toBeCloseTo(2.4, 6);
    expect(later.gpus.map((g) => g.method)).toEqual(["rollup_1m", "rollup_1m", "rollup_1m", "rollup_1m"]);
  });

  it("prefers the energy counter when it covers the allocation, counting a reset from the new value", async () => {
    await allocateGpus(
      {
        jobId: "job-counter",
        gpus: gpus.slice(4, 6).map((g) => g.uuid),
        startedAt: new Date(start),
        endedAt: new Date(start + HOUR),
      },
      systemPrincipal,
    );
    const e = await energyOfJob("job-counter", new Date(now));
    expect(e.gpus.map((g) => g.method)).toEqual(["counter", "counter"]);
    expect(e.kwh).toBeCloseTo(2 * 0.3, 6);
  });

  it("counts an open allocation until now, refuses a GPU another job holds, and releases", async () => {
    const first = gpus[0]!.uuid;
    await expect(
      allocateGpus({ jobId: "job-clash", gpus: [first], startedAt: new Date(start + HOUR) }, systemPrincipal),
    ).rejects.toMatchObject({ code: "conflict" });
    await allocateGpus({ jobId: "job-open", gpus: [first], startedAt: new Date(end) }, systemPrincipal);
    // The 5 minutes after `end`: the trapezoid from 300 W (at `end`) to 100 W over 10 s, then 100 W for 290 s.
    const open = await energyOfJob("job-open", new Date(end + 5 * 60_000));
    expect(open.kwh).toBeCloseTo((200 * 10 + 100 * 290) / 3.6e6, 6);
    expect(await releaseGpus({ jobId: "job-open", endedAt: new Date(end + 5 * 60_000) }, systemPrincipal)).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: { in: ["energy.gpu_allocate", "energy.gpu_release"] } } }),
    ).toBe(4);
    expect((await call(jobEnergy.GET, { token: viewer, params: { jobId: "no-such-job" } })).status).toBe(404);
  });

  it("counts the energy counter across a scrape outage as a coarse interval instead of dropping it", async () => {
    const g = gpus[6]!;
    const lines: string[] = [];
    // 300 W, sampled every 10 s, but nothing scraped from 10 to 20 minutes: the counter kept counting.
    for (let i = 0; i <= 360; i++)
      if (i <= 60 || i >= 120)
        lines.push(line("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", g, 7e9 + i * 3e6, start + i * 10_000));
    await ingestDcgm(lines.join("\n"), new Date(now));
    await allocateGpus(
      { jobId: "job-outage", gpus: [g.uuid], startedAt: new Date(start), endedAt: new Date(start + HOUR) },
      systemPrincipal,
    );
    const e = await energyOfJob("job-outage", new Date(now));
    expect(e.gpus[0]).toMatchObject({
      method: "counter",
      gaps: [],
      coarse: [{ from: iso(start + 600_000), to: iso(start + 1_200_000), kwh: 0.05 }],
    });
    expect(e.kwh).toBeCloseTo(0.3, 6);
  });
});

describe("GPU energy of a site, its racks, and alert hook points", () => {
  it("adds GPU telemetry to the site summary and breaks it down per rack and per GPU", async () => {
    const range = `site=ams1&from=${iso(start)}&to=${iso(end)}`;
    const s = (await call(summary.GET, { token: viewer, path: `/api/v1/energy/summary?${range}` })).body;
    expect(s).toMatchObject({ gpuKwh: 2.4, costBasis: "gpu", itKwh: 0, pue: null, currency: "EUR" });
    expect(s.cost).toBeCloseTo(2.4 * 0.21, 4);
    // 2.4 kWh is what 4 of the site's 144 GPUs reported: the summary says so, not "the site's GPUs used 2.4 kWh".
    expect(s.gpuTelemetry).toEqual({
      gpus: 144,
      gpusReporting: 4,
      coverage: Math.round((4 / 144) * 1e4) / 1e4,
      from: iso(start),
      to: iso(end),
    });
    const byRack = (await call(breakdown.GET, { token: viewer, path: `/api/v1/energy/breakdown?${range}&by=rack` }))
      .body;
    expect(byRack).toMatchObject({ by: "rack", totalKwh: 2.4, items: [{ name: "ams1/ams1-r01", kwh: 2.4 }] });
    const byGpu = (await call(breakdown.GET, { token: viewer, path: `/api/v1/energy/breakdown?${range}&by=gpu` })).body;
    expect(byGpu.items.map((i: { kwh: number }) => i.kwh)).toEqual([0.6, 0.6, 0.6, 0.6]);
  });

  it("lists each rack's latest GPU power against its cap, and flags racks over a share of it", async () => {
    const fresh = gpus.slice(0, 4).map((g) => line("DCGM_FI_DEV_POWER_USAGE", g, 500, now - 60_000));
    await ingestDcgm(fresh.join("\n"), new Date(now));
    const res = await call(racks.GET, { token: viewer, path: "/api/v1/energy/racks?site=ams1" });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(4);
    expect(res.body.items[0]).toMatchObject({
      site: "ams1",
      rack: "ams1-r01",
      powerW: 2000,
      powerCapKw: 40,
      capUsedPct: 5,
      gpus: 32,
      gpusReporting: 4,
    });
    expect(res.body.items.slice(1).every((r: { powerW: number }) => r.powerW === 0)).toBe(true);
    expect((await call(racks.GET, { token: viewer, path: "/api/v1/energy/racks?site=nowhere" })).status).toBe(404);

    // pdx1: facility meter at twice the IT load over the last two hours → PUE 2.
    const q = 15 * 60_000;
    const base = Math.floor(now / q) * q - 2 * HOUR;
    const items = Array.from({ length: 9 }, (_, i) => [
      { site: "pdx1", meter: "utility", scope: "facility", at: iso(base + i * q), kwhTotal: 20 * i },
      { site: "pdx1", meter: "it", scope: "it", at: iso(base + i * q), kwhTotal: 10 * i },
    ]).flat();
    expect((await call(readings.POST, { token: op, json: items })).status).toBe(200);
    const findings = await findEnergyAlerts({ rackCapPct: 4, pueTarget: 1.5, pueWindowHours: 24 }, new Date(now));
    expect(findings).toEqual([
      {
        kind: "rack_power_over_cap",
        site: "ams1",
        rack: "ams1-r01",
        powerW: 2000,
        capW: 40_000,
        capUsedPct: 5,
        thresholdPct: 4,
        at: iso(now - 60_000),
      },
      { kind: "pue_above_target", site: "pdx1", pue: 2, target: 1.5, from: iso(now - 24 * HOUR), to: iso(now) },
    ]);
  });
});
