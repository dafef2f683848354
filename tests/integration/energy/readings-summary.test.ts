import { beforeAll, describe, expect, it } from "vitest";
import * as readings from "../../../app/api/v1/energy/readings/route";
import * as summary from "../../../app/api/v1/energy/summary/route";
import * as summaryCsv from "../../../app/api/v1/energy/summary.csv/route";
import * as tariffs from "../../../app/api/v1/energy/tariffs/[site]/route";
import * as carbon from "../../../app/api/v1/energy/carbon-intensity/route";
import * as meters from "../../../app/api/v1/energy/meters/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { CreateSiteInput } from "../../../lib/inventory/schemas";
import { createSite, deleteSite } from "../../../lib/inventory/sites";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let op: string;
let viewer: string;
const DAY = Date.parse("2026-11-20T00:00:00Z"); // a Friday
const QUARTER = 15 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

// A known day: the IT load is (80 + h) kW in hour h, the facility draws 1.5× the
// IT load. Registers are read every 15 minutes; the IT meter is swapped at
// 12:00 and its register restarts from zero. Values are multiples of 1/8 kWh,
// exact in binary floating point.
const itQuarterKwh = (q: number) => (80 + Math.floor(q / 4)) / 4;
const itBefore = (q: number) => Array.from({ length: q }, (_, i) => itQuarterKwh(i)).reduce((a, b) => a + b, 0);
const DAY_IT_KWH = 24 * 80 + (23 * 24) / 2; // 2196
const dayOfReadings = () =>
  Array.from({ length: 97 }, (_, q) => [
    {
      site: "dc1",
      meter: "utility",
      scope: "facility",
      at: iso(DAY + q * QUARTER),
      kwhTotal: 1_000_000 + 1.5 * itBefore(q),
    },
    {
      site: "dc1",
      meter: "it-main",
      scope: "it",
      at: iso(DAY + q * QUARTER),
      kwhTotal: q < 48 ? 500_000 + itBefore(q) : itBefore(q) - itBefore(47),
    },
  ])
    .flat()
    .reverse();

const post = (json: unknown, token = op) => call(readings.POST, { token, json });
const getSummary = (query: string, token = viewer) =>
  call(summary.GET, { token, path: `/api/v1/energy/summary?${query}` });
const dayQuery = "site=dc1&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
const snapshot = async () => ({
  meters: await db.energyMeter.count(),
  readings: await db.energyReading.count(),
  audits: await db.auditEvent.count({ where: { action: { startsWith: "energy." } } }),
});

beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await createSite(
    CreateSiteInput.parse({ name: "dc1", tariffPerKwh: 0.2, currency: "EUR", carbonGPerKwh: 300, timezone: "UTC" }),
    systemPrincipal,
  );
  await createSite(CreateSiteInput.parse({ name: "dc2", timezone: "UTC" }), systemPrincipal);
});

describe("energy readings and the site summary", () => {
  it("gives the exact kWh and PUE of a known day of facility and IT readings, audited as one event", async () => {
    const res = await post(dayOfReadings());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 194, stored: 194, duplicates: 0, metersCreated: 2 });
    const s = await getSummary(dayQuery);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      site: "dc1",
      from: "2026-11-20T00:00:00.000Z",
      to: "2026-11-21T00:00:00.000Z",
      itKwh: DAY_IT_KWH,
      facilityKwh: 1.5 * DAY_IT_KWH,
      pue: 1.5,
      currency: "EUR",
      costBasis: "facility",
      gpuKwh: 0,
      gaps: [],
      cost: 658.8,
      co2eKg: 988.2, // 3294 kWh at 0.20 EUR and 300 g
    });
    const audits = await db.auditEvent.findMany({ where: { action: "energy.readings_ingest" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      target: "site:dc1",
      details: {
        accepted: 194,
        stored: 194,
        metersCreated: 2,
        from: "2026-11-20T00:00:00.000Z",
        to: "2026-11-21T00:00:00.000Z",
      },
    });
  });

  it("stores a re-posted batch once", async () => {
    const before = await snapshot();
    const res = await post(dayOfReadings());
    expect(res.body).toEqual({ accepted: 194, stored: 0, duplicates: 194, metersCreated: 0 });
    expect((await snapshot()).readings).toBe(before.readings);
    expect((await getSummary(dayQuery)).body.itKwh).toBe(DAY_IT_KWH);
  });

  it("lists the meters created on their first reading, with their latest register value", async () => {
    const res = await call(meters.GET, { token: viewer, path: "/api/v1/energy/meters?site=dc1" });
    expect(res.body.items).toEqual([
      {
        site: "dc1",
        meter: "it-main",
        scope: "it",
        kind: "register",
        readings: 97,
        firstAt: iso(DAY),
        lastAt: iso(DAY + 96 * QUARTER),
        lastValue: DAY_IT_KWH - itBefore(47),
      },
      {
        site: "dc1",
        meter: "utility",
        scope: "facility",
        kind: "register",
        readings: 97,
        firstAt: iso(DAY),
        lastAt: iso(DAY + 96 * QUARTER),
        lastValue: 1_000_000 + 1.5 * DAY_IT_KWH,
      },
    ]);
  });

  it("interpolates at range edges that fall between readings", async () => {
    const s = (await getSummary("site=dc1&from=2026-11-20T06:05:00Z&to=2026-11-20T18:00:00Z")).body;
    const itKwh = 80 * 12 + 138 - itQuarterKwh(24) / 3;
    expect(s.itKwh).toBeCloseTo(itKwh, 6);
    expect(s.facilityKwh).toBeCloseTo(1.5 * itKwh, 6);
    expect(s.pue).toBe(1.5);
  });

  it("prices with a time-of-use schedule and an uploaded hourly carbon series", async () => {
    const put = await call(tariffs.PUT, {
      token: op,
      method: "PUT",
      params: { site: "dc1" },
      json: { periods: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "08:00", to: "20:00", pricePerKwh: 0.3 }] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      site: "dc1",
      currency: "EUR",
      flatPricePerKwh: 0.2,
      periods: [{ from: "08:00", to: "20:00" }],
    });
    const hours = Array.from({ length: 6 }, (_, h) => ({
      site: "dc1",
      hour: iso(DAY + h * 3_600_000),
      gCo2ePerKwh: 100,
    }));
    expect((await call(carbon.POST, { token: op, json: hours })).body).toEqual({ accepted: 6 });
    const s = (await getSummary(dayQuery)).body;
    // Peak 08:00–20:00: 1.5 × Σ(80 + h, h = 8..19) = 1683 kWh at 0.30; the other 1611 kWh at 0.20.
    expect(s.cost).toBeCloseTo(1683 * 0.3 + 1611 * 0.2, 4);
    // 00:00–06:00: 1.5 × Σ(80 + h, h = 0..5) = 742.5 kWh at 100 g; the rest at the site's 300 g.
    expect(s.co2eKg).toBeCloseTo(742.5 * 0.1 + (3294 - 742.5) * 0.3, 6);
    expect((await call(tariffs.GET, { token: viewer, params: { site: "dc1" } })).body.periods).toHaveLength(1);
  });

  // Issue 13 changed two things here: the half day before the meters' first readings is no gap (it was 2, one per
  // meter), and the columns coarseSplit and resets were added (the IT meter's swap at noon is a reset).
  it("exports the summary per day as CSV, naming days without data and their gaps", async () => {
    const query = "site=dc1&from=2026-11-19T12:00:00Z&to=2026-11-21T00:00:00Z";
    const res = await call(summaryCsv.GET, { token: viewer, path: `/api/v1/energy/summary.csv?${query}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (res.body as string).trim().split("\n");
    expect(lines[0]).toBe(
      "date,from,to,itKwh,facilityKwh,pue,gpuKwh,cost,currency,co2eKg,costBasis,gaps,coarseSplit,resets",
    );
    expect(lines[1]).toBe("2026-11-19,2026-11-19T12:00:00.000Z,2026-11-20T00:00:00.000Z,0,0,,0,0,EUR,0,facility,0,0,0");
    expect(lines[2]).toBe(
      "2026-11-20,2026-11-20T00:00:00.000Z,2026-11-21T00:00:00.000Z,2196,3294,1.5,0,827.1,EUR,839.7,facility,0,0,1",
    );
    expect(lines).toHaveLength(3);
    const viaFormat = await call(summary.GET, { token: viewer, path: `/api/v1/energy/summary?${query}&format=csv` });
    expect(viaFormat.body).toBe(res.body);
  });

  it("reports a gap in a watts meter instead of integrating across it", async () => {
    const at = (min: number) => iso(DAY + min * 60_000);
    const samples = [
      ...Array.from({ length: 13 }, (_, i) => i * 5),
      ...Array.from({ length: 13 }, (_, i) => 120 + i * 5),
    ].map((m) => ({ site: "dc2", meter: "pdu-a", scope: "it", at: at(m), watts: 1000 }));
    expect((await post(samples)).status).toBe(200);
    const s = (await getSummary("site=dc2&from=2026-11-20T00:00:00Z&to=2026-11-20T03:00:00Z")).body;
    expect(s).toMatchObject({
      itKwh: 2,
      facilityKwh: 0,
      pue: null,
      costBasis: "it",
      cost: null,
      co2eKg: null,
      gaps: [{ meter: "pdu-a", from: at(60), to: at(120) }],
    });
    const relaxed = (await getSummary("site=dc2&from=2026-11-20T00:00:00Z&to=2026-11-20T03:00:00Z&maxGapMinutes=90"))
      .body;
    expect(relaxed).toMatchObject({ itKwh: 3, gaps: [] });
  });
});

describe("bad energy input", () => {
  it("rejects a batch with any bad item with 422 and details per index, writing nothing", async () => {
    const before = await snapshot();
    const good = { site: "dc1", meter: "new-meter", scope: "facility", at: "2026-11-22T00:00:00Z", kwhTotal: 1 };
    const schema = await post([good, { ...good, kwhTotal: undefined }, { ...good, at: "yesterday" }]);
    expect(schema.status).toBe(422);
    expect(schema.body.error.details.map((d: { path: string }) => d.path)).toEqual(["1.kwhTotal", "2.at"]);
    const semantic = await post([
      good,
      { ...good, site: "nowhere" },
      { site: "dc1", meter: "utility", scope: "it", at: "2026-11-22T00:00:00Z", kwhTotal: 5 },
      { site: "dc1", meter: "it-main", scope: "it", at: "2026-11-22T00:00:00Z", watts: 5 },
      { ...good, meter: "future", at: "2099-01-01T00:00:00Z" },
    ]);
    expect(semantic.status).toBe(422);
    expect(semantic.body.error.details).toEqual([
      { path: "1.site", code: "unknown_site", message: "Site nowhere does not exist" },
      { path: "4.at", code: "in_future", message: expect.stringContaining("future") },
    ]);
    const stored = await post([
      good,
      { site: "dc1", meter: "utility", scope: "it", at: "2026-11-22T00:00:00Z", kwhTotal: 5 },
      { site: "dc1", meter: "it-main", scope: "it", at: "2026-11-22T00:00:00Z", watts: 5 },
    ]);
    expect(stored.status).toBe(422);
    expect(stored.body.error.details.map((d: { path: string; code: string }) => `${d.path} ${d.code}`)).toEqual([
      "1.scope scope_mismatch",
      "2.watts kind_mismatch",
    ]);
    const carbonBad = await call(carbon.POST, {
      token: op,
      json: [
        { site: "dc1", hour: "2026-11-22T00:00:00Z", gCo2ePerKwh: 1 },
        { site: "nowhere", hour: "2026-11-22T00:00:00Z", gCo2ePerKwh: 1 },
      ],
    });
    expect(carbonBad.status).toBe(422);
    expect(carbonBad.body.error.details).toEqual([
      { path: "1.site", code: "unknown_site", message: "Site nowhere does not exist" },
    ]);
    expect(
      (
        await call(tariffs.PUT, {
          token: op,
          method: "PUT",
          params: { site: "dc1" },
          json: { periods: [{ days: ["xyz"], from: "08:00", to: "20:00", pricePerKwh: 1 }] },
        })
      ).status,
    ).toBe(422);
    expect(await snapshot()).toEqual(before);
    expect(await db.energyMeter.findFirst({ where: { name: "new-meter" } })).toBeNull();
  });

  it("lets viewers read but not write (403), and nobody unauthenticated (401)", async () => {
    const reading = [
      { site: "dc1", meter: "utility", scope: "facility", at: "2026-11-22T00:00:00Z", kwhTotal: 2_000_000 },
    ];
    expect((await post(reading, viewer)).status).toBe(403);
    expect(
      (await call(tariffs.PUT, { token: viewer, method: "PUT", params: { site: "dc1" }, json: { periods: [] } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(carbon.POST, {
          token: viewer,
          json: [{ site: "dc1", hour: "2026-11-22T00:00:00Z", gCo2ePerKwh: 1 }],
        })
      ).status,
    ).toBe(403);
    expect((await call(readings.POST, { json: reading })).status).toBe(401);
    expect((await getSummary(dayQuery)).status).toBe(200);
    expect((await getSummary("site=nowhere")).status).toBe(404);
    expect((await getSummary("site=dc1&from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z")).status).toBe(422);
  });

  it("forgets a deleted site's meters, readings, tariff and intensity series", async () => {
    await deleteSite("dc2", systemPrincipal);
    expect(await db.energyMeter.count({ where: { name: "pdu-a" } })).toBe(0);
    expect(await db.energyReading.count()).toBe(194);
  });
});
