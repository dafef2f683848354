import { beforeAll, describe, expect, it } from "vitest";
import * as carbon from "../../../app/api/v1/energy/carbon-intensity/route";
import * as readings from "../../../app/api/v1/energy/readings/route";
import * as summary from "../../../app/api/v1/energy/summary/route";
import * as summaryCsv from "../../../app/api/v1/energy/summary.csv/route";
import * as tariffs from "../../../app/api/v1/energy/tariffs/[site]/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { findLatestMeteredSite } from "../../../lib/energy/meters/meters";
import { CreateSiteInput } from "../../../lib/inventory/schemas";
import { createSite } from "../../../lib/inventory/sites";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

// Issue 13: a register's difference between two readings is energy that was
// used, however far apart the readings are. Three sites meter the same load —
// constant within each UTC day — read every 15 minutes, every hour and every
// day. Their sites keep Berlin time (UTC+1 in November), so the tariff's peak
// and the CSV's days fall across the daily readings, and an hourly carbon
// series covers some hours: "the same cost and CO2e" then means the energy was
// apportioned to the right quarter hours.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse("2026-11-20T00:00:00Z"); // a Friday
const iso = (ms: number) => new Date(ms).toISOString();
const KW = { it: [100, 120, 80], facility: [150, 168, 128] } as const;

/** The register at `atMs`: 10 000 kWh at T0, then the day's constant power. */
function registerAt(scope: "facility" | "it", atMs: number): number {
  let kwh = 10_000;
  for (let d = 0; d < 3; d++) kwh += (KW[scope][d]! * Math.max(0, Math.min(atMs - T0 - d * DAY, DAY))) / HOUR;
  return kwh;
}

/** Energy of a scope over [fromMs, toMs) by hand: power × hours, day by day. */
const kwhBetween = (scope: "facility" | "it", fromMs: number, toMs: number) =>
  registerAt(scope, toMs) - registerAt(scope, fromMs);

const SITES = { q15: 15 * MIN, hourly: HOUR, daily: DAY } as const;
type SiteName = keyof typeof SITES;

function readingsOf(site: string, everyMs: number, fromMs = T0, toMs = T0 + 3 * DAY) {
  const out = [];
  for (let t = fromMs; t <= toMs; t += everyMs) {
    for (const scope of ["facility", "it"] as const)
      out.push({ site, meter: `${scope}-main`, scope, at: iso(t), kwhTotal: registerAt(scope, t) });
  }
  return out;
}

let op: string;
let viewer: string;
const post = async (json: unknown) => expect((await call(readings.POST, { token: op, json })).status).toBe(200);
const getSummary = async (site: string, from: number, to: number, extra = "") =>
  (
    await call(summary.GET, {
      token: viewer,
      path: `/api/v1/energy/summary?site=${site}&from=${iso(from)}&to=${iso(to)}${extra}`,
    })
  ).body;

async function createPricedSite(name: string) {
  await createSite(
    CreateSiteInput.parse({ name, tariffPerKwh: 0.2, currency: "EUR", carbonGPerKwh: 300, timezone: "Europe/Berlin" }),
    systemPrincipal,
  );
  // Peak 08:00–20:00 Berlin time, Monday to Saturday: 07:00–19:00 UTC on the Friday and the Saturday, none on the Sunday.
  const periods = [{ days: ["mon", "tue", "wed", "thu", "fri", "sat"], from: "08:00", to: "20:00", pricePerKwh: 0.3 }];
  expect(
    (await call(tariffs.PUT, { token: op, method: "PUT", params: { site: name }, json: { periods } })).status,
  ).toBe(200);
  const hours = [
    ...Array.from({ length: 6 }, (_, h) => ({ site: name, hour: iso(T0 + h * HOUR), gCo2ePerKwh: 100 })),
    ...Array.from({ length: 6 }, (_, h) => ({ site: name, hour: iso(T0 + DAY + (12 + h) * HOUR), gCo2ePerKwh: 500 })),
  ];
  expect((await call(carbon.POST, { token: op, json: hours })).status).toBe(200);
}

beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  for (const [site, everyMs] of Object.entries(SITES)) {
    await createPricedSite(site);
    await post(readingsOf(site, everyMs));
  }
});

const figures = (s: {
  itKwh: number;
  facilityKwh: number;
  pue: number | null;
  cost: number | null;
  co2eKg: number | null;
}) => [s.itKwh, s.facilityKwh, s.pue, s.cost, s.co2eKg];

describe("energy from kWh registers read every 15 minutes, hourly or daily", () => {
  it("gives the same kWh, PUE, cost and CO2e over whole days, as worked out by hand", async () => {
    for (const site of Object.keys(SITES)) {
      const s = await getSummary(site, T0, T0 + 3 * DAY);
      expect(s).toMatchObject({
        itKwh: 24 * 300,
        facilityKwh: 24 * 446,
        pue: 1.4867,
        costBasis: "facility",
        gaps: [],
        resets: [],
        pueFrom: iso(T0),
        pueTo: iso(T0 + 3 * DAY),
      });
      // Facility: Friday 150 kW (12 h peak at 0.30, 12 h at 0.20), Saturday 168 kW (the same), Sunday 128 kW at 0.20.
      expect(s.cost).toBeCloseTo(12 * 150 * 0.5 + 12 * 168 * 0.5 + 24 * 128 * 0.2, 4);
      // 00:00–06:00 Friday at 100 g, 12:00–18:00 Saturday at 500 g, every other hour at the site's 300 g.
      expect(s.co2eKg).toBeCloseTo(6 * 150 * 0.1 + 18 * 150 * 0.3 + 6 * 168 * 0.5 + 18 * 168 * 0.3 + 24 * 128 * 0.3, 6);
    }
  });

  it("lists hourly and daily readings as coarse, and 15-minute ones not", async () => {
    const [q15, hourly, daily] = await Promise.all(
      (Object.keys(SITES) as SiteName[]).map((site) => getSummary(site, T0, T0 + 3 * DAY)),
    );
    expect(q15.coarse).toEqual([]);
    expect(hourly.coarse).toEqual([
      {
        meter: "facility-main",
        scope: "facility",
        from: iso(T0),
        to: iso(T0 + 3 * DAY),
        intervals: 72,
        intervalMinutes: 60,
        kwh: 24 * 446,
        kwhInPeriod: 24 * 446,
        cut: null,
      },
      {
        meter: "it-main",
        scope: "it",
        from: iso(T0),
        to: iso(T0 + 3 * DAY),
        intervals: 72,
        intervalMinutes: 60,
        kwh: 7200,
        kwhInPeriod: 7200,
        cut: null,
      },
    ]);
    expect(daily.meters.map((m: { intervalMinutes: number }) => m.intervalMinutes)).toEqual([1440, 1440]);
    expect(daily.coarse.map((c: { intervals: number }) => c.intervals)).toEqual([3, 3]);
  });

  it("apportions an interval the period cuts linearly and reports it as coarse, with the same figures at every resolution", async () => {
    const [from, to] = [T0 + 6 * HOUR + 30 * MIN, T0 + 2 * DAY + 18 * HOUR + 10 * MIN];
    const all = await Promise.all((Object.keys(SITES) as SiteName[]).map((site) => getSummary(site, from, to)));
    const it = kwhBetween("it", from, to);
    expect(all[0].itKwh).toBeCloseTo(it, 6);
    expect(all[0].facilityKwh).toBeCloseTo(kwhBetween("facility", from, to), 6);
    for (const s of all.slice(1)) {
      figures(s).forEach((v, i) => expect(v).toBeCloseTo(figures(all[0])[i] as number, 4));
      expect(s).toMatchObject({ pueFrom: iso(from), pueTo: iso(to), gaps: [] });
    }
    const daily = all[2].coarse.filter((c: { meter: string }) => c.meter === "it-main");
    expect(daily).toEqual([
      {
        meter: "it-main",
        scope: "it",
        from: iso(T0),
        to: iso(T0 + DAY),
        intervals: 1,
        intervalMinutes: 1440,
        kwh: 2400,
        kwhInPeriod: 1750,
        cut: "start",
      },
      {
        meter: "it-main",
        scope: "it",
        from: iso(T0 + DAY),
        to: iso(T0 + 2 * DAY),
        intervals: 1,
        intervalMinutes: 1440,
        kwh: 2880,
        kwhInPeriod: 2880,
        cut: null,
      },
      {
        meter: "it-main",
        scope: "it",
        from: iso(T0 + 2 * DAY),
        to: iso(T0 + 3 * DAY),
        intervals: 1,
        intervalMinutes: 1440,
        kwh: 1920,
        kwhInPeriod: expect.closeTo(80 * (18 + 1 / 6), 6),
        cut: "end",
      },
    ]);
    const hourlyCut = all[1].coarse.filter(
      (c: { meter: string; cut: string | null }) => c.meter === "it-main" && c.cut,
    );
    expect(hourlyCut).toEqual([
      expect.objectContaining({
        from: iso(T0 + 6 * HOUR),
        to: iso(T0 + 7 * HOUR),
        cut: "start",
        kwh: 100,
        kwhInPeriod: 50,
      }),
      expect.objectContaining({
        from: iso(T0 + 2 * DAY + 18 * HOUR),
        to: iso(T0 + 2 * DAY + 19 * HOUR),
        cut: "end",
        kwh: 80,
        kwhInPeriod: expect.closeTo(80 / 6, 6),
      }),
    ]);
  });

  it("gives the same per-day CSV, and counts the daily intervals each local day splits", async () => {
    type Row = Record<string, string>;
    const csv = async (site: string): Promise<Row[]> => {
      const res = await call(summaryCsv.GET, {
        token: viewer,
        path: `/api/v1/energy/summary.csv?site=${site}&from=${iso(T0)}&to=${iso(T0 + 3 * DAY)}`,
      });
      const [header, ...rows] = (res.body as string).trim().split("\n");
      const cols = header!.split(",");
      return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], v])));
    };
    const [q15, hourly, daily] = (await Promise.all(Object.keys(SITES).map(csv))) as [Row[], Row[], Row[]];
    // Berlin days: 01:00–24:00 Friday (UTC 00:00–23:00), Saturday, Sunday, and the first hour of Monday.
    expect(daily.map((r) => r.date)).toEqual(["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]);
    for (const rows of [hourly, daily]) {
      rows.forEach((r, i) => {
        for (const col of ["itKwh", "facilityKwh", "pue", "cost", "co2eKg"])
          expect(Number(r[col])).toBeCloseTo(Number(q15[i]![col]), 4);
      });
    }
    expect(Number(daily[1]!.itKwh)).toBeCloseTo(100 + 23 * 120, 6);
    // Each local midnight falls inside a daily interval of both meters; the period's own edges fall on readings.
    expect(daily.map((r) => r.coarseSplit)).toEqual(["2", "4", "4", "2"]);
    expect(hourly.map((r) => r.coarseSplit)).toEqual(["0", "0", "0", "0"]);
  });
});

describe("register resets, first readings and the time since the last reading", () => {
  beforeAll(async () => {
    for (const name of ["swap", "newmeter", "mixed"])
      await createSite(
        CreateSiteInput.parse({ name, tariffPerKwh: 0.2, currency: "EUR", timezone: "UTC" }),
        systemPrincipal,
      );
  });

  it("counts the energy on both sides of a reset and lists the reset interval as a lower bound", async () => {
    // Read daily at 100 kW. The meter is swapped at 06:00 on the second day: the old register had counted 600 kWh
    // since its last reading (lost with it); the new one counts from 0 and reads 1800 kWh at midnight.
    const at = (d: number) => iso(T0 + d * DAY);
    await post([
      { site: "swap", meter: "it-ups", scope: "it", at: at(0), kwhTotal: 50_000 },
      { site: "swap", meter: "it-ups", scope: "it", at: at(1), kwhTotal: 52_400 },
      { site: "swap", meter: "it-ups", scope: "it", at: at(2), kwhTotal: 1800 },
      { site: "swap", meter: "it-ups", scope: "it", at: at(3), kwhTotal: 4200 },
    ]);
    const s = await getSummary("swap", T0, T0 + 3 * DAY);
    expect(s.itKwh).toBe(2400 + 1800 + 2400);
    expect(s.resets).toEqual([{ meter: "it-ups", scope: "it", from: at(1), to: at(2), kwh: 1800 }]);
    expect(s.gaps).toEqual([]);
    // The reset day alone: what the new register counted.
    expect((await getSummary("swap", T0 + DAY, T0 + 2 * DAY)).itKwh).toBe(1800);
  });

  it("starts no gap at a meter's first reading, and PUE only once both scopes are metered", async () => {
    // IT metered all day at 100 kW; the facility meter (150 kW) is installed at noon.
    const q = 15 * MIN;
    const items = Array.from({ length: 97 }, (_, i) => [
      { site: "newmeter", meter: "ups", scope: "it", at: iso(T0 + i * q), kwhTotal: 25 * i },
      ...(i >= 48
        ? [{ site: "newmeter", meter: "utility", scope: "facility", at: iso(T0 + i * q), kwhTotal: 37.5 * (i - 48) }]
        : []),
    ]).flat();
    await post(items);
    const s = await getSummary("newmeter", T0, T0 + DAY);
    expect(s).toMatchObject({
      itKwh: 2400,
      facilityKwh: 1800,
      gaps: [],
      pue: 1.5,
      pueFrom: iso(T0 + 12 * HOUR),
      pueTo: iso(T0 + DAY),
    });
    expect(s.meters.find((m: { meter: string }) => m.meter === "utility")).toMatchObject({
      readFrom: iso(T0 + 12 * HOUR),
      readThrough: iso(T0 + DAY),
      intervalMinutes: 15,
    });
  });

  it("calls the time since a meter's last reading a gap only once it is overdue for its own reading interval", async () => {
    // 00:40 on the fourth day: the hourly and daily registers are not due yet, the 15-minute ones are 40 minutes late.
    const end = T0 + 3 * DAY + 40 * MIN;
    const gaps = async (site: string) => (await getSummary(site, T0 + 2 * DAY, end)).gaps;
    expect(await gaps("hourly")).toEqual([]);
    expect(await gaps("daily")).toEqual([]);
    expect(await gaps("q15")).toEqual([
      { meter: "facility-main", from: iso(T0 + 3 * DAY), to: iso(end) },
      { meter: "it-main", from: iso(T0 + 3 * DAY), to: iso(end) },
    ]);
    const hourly = await getSummary("hourly", T0 + 2 * DAY, end);
    expect(hourly.meters.map((m: { readThrough: string }) => m.readThrough)).toEqual([
      iso(T0 + 3 * DAY),
      iso(T0 + 3 * DAY),
    ]);
    expect(hourly).toMatchObject({ pueTo: iso(T0 + 3 * DAY), pue: 1.6 });
  });

  it("keeps PUE honest when the facility is read hourly and IT every 15 minutes", async () => {
    // IT draws 100 kW at night and 200 kW from 08:00; cooling adds 50 kW. Facility read hourly, IT every 15 minutes, until 10:00.
    const itKw = (h: number) => (h >= 8 ? 200 : 100);
    const cumulative = (ms: number, extraKw: number) => {
      let kwh = 0;
      for (let t = T0; t < ms; t += MIN) kwh += (itKw(Math.floor((t - T0) / HOUR)) + extraKw) / 60;
      return kwh;
    };
    const items = [];
    for (let t = T0; t <= T0 + 10 * HOUR; t += 15 * MIN) {
      items.push({ site: "mixed", meter: "ups", scope: "it", at: iso(t), kwhTotal: cumulative(t, 0) });
      if ((t - T0) % HOUR === 0)
        items.push({ site: "mixed", meter: "utility", scope: "facility", at: iso(t), kwhTotal: cumulative(t, 50) });
    }
    await post(items);
    // 07:30 cuts the facility's 07:00–08:00 hour (spread evenly it would read 175 kW against IT's 100 kW for half an hour).
    const s = await getSummary("mixed", T0 + 7 * HOUR + 30 * MIN, T0 + 10 * HOUR);
    expect(s).toMatchObject({ pue: 1.25, pueFrom: iso(T0 + 8 * HOUR), pueTo: iso(T0 + 10 * HOUR) });
    expect(s.coarse).toEqual([
      expect.objectContaining({
        meter: "utility",
        from: iso(T0 + 7 * HOUR),
        to: iso(T0 + 8 * HOUR),
        cut: "start",
        kwh: 150,
        kwhInPeriod: 75,
      }),
      expect.objectContaining({
        meter: "utility",
        from: iso(T0 + 8 * HOUR),
        to: iso(T0 + 10 * HOUR),
        intervals: 2,
        cut: null,
        kwhInPeriod: 500,
      }),
    ]);
    // Ten minutes later the facility has not been read for the new hour: PUE still ends at 10:00, energy is read so far.
    const later = await getSummary("mixed", T0 + 8 * HOUR, T0 + 10 * HOUR + 10 * MIN);
    expect(later).toMatchObject({ pue: 1.25, pueTo: iso(T0 + 10 * HOUR), facilityKwh: 500, itKwh: 400, gaps: [] });
  });
});

describe("the site the Energy page opens on", () => {
  it("is the site whose meters reported last, ties by name", async () => {
    // q15, hourly, daily and swap were all last read at T0 + 3 days; newmeter and mixed earlier.
    expect(await findLatestMeteredSite()).toBe("daily");
    await post([{ site: "newmeter", meter: "ups", scope: "it", at: iso(T0 + 3 * DAY + HOUR), kwhTotal: 1e6 }]);
    expect(await findLatestMeteredSite()).toBe("newmeter");
  });
});
