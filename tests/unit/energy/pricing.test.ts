import { describe, expect, it } from "vitest";
import { localDays, localTimeOf, localCalendar } from "../../../lib/energy/pricing/local-time";
import { energyPerBucketKwh } from "../../../lib/energy/profiles/power-profile";
import { priceBuckets, PRICING_BUCKET_MS, type PricingContext } from "../../../lib/energy/pricing/pricing";
import type { TariffPeriod } from "../../../lib/energy/schemas";

const h = (iso: string) => Date.parse(iso);
/** Constant power over [from, to), as quarter-hour buckets. */
const constantLoad = (watts: number, from: string, to: string) =>
  energyPerBucketKwh([{ fromMs: h(from), toMs: h(to), startW: watts, endW: watts }], h(from), h(to), PRICING_BUCKET_MS);

const everyDay: TariffPeriod["days"] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const amsterdam = (periods: TariffPeriod[]): PricingContext => ({
  timeZone: "Europe/Amsterdam",
  periods,
  flatPricePerKwh: 0.1,
  flatGCo2ePerKwh: null,
  hourlyGCo2ePerKwh: new Map(),
});

describe("time-of-use tariff", () => {
  const peak = amsterdam([{ days: everyDay, from: "07:00", to: "23:00", pricePerKwh: 0.3 }]);

  it("switches price exactly at the local boundary", () => {
    // 1 kW: 06:45–07:00 local (CET, UTC+1) off-peak, 07:00–07:15 peak.
    expect(
      priceBuckets(constantLoad(4000, "2026-11-20T05:45:00Z", "2026-11-20T06:00:00Z"), peak).total.cost,
    ).toBeCloseTo(1 * 0.1, 12);
    expect(
      priceBuckets(constantLoad(4000, "2026-11-20T06:00:00Z", "2026-11-20T06:15:00Z"), peak).total.cost,
    ).toBeCloseTo(1 * 0.3, 12);
  });

  it("follows the site's wall clock across the spring DST change in Europe/Amsterdam", () => {
    // 1 kW from Sat 2026-03-28 00:00Z to Mon 2026-03-30 00:00Z. Clocks go 02:00 CET → 03:00 CEST on Sunday (01:00Z).
    // Peak is 06:00–22:00Z on Saturday (UTC+1) but 05:00–21:00Z on Sunday (UTC+2): 32 peak hours, 16 off-peak.
    const { total, days } = priceBuckets(constantLoad(1000, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"), peak);
    expect(total.kwh).toBeCloseTo(48, 9);
    expect(total.cost).toBeCloseTo(32 * 0.3 + 16 * 0.1, 9);
    // Local days: Saturday from 01:00 local (23 h in range), Sunday has only 23 hours, Monday 00:00–02:00 local.
    expect([...days.keys()]).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(days.get("2026-03-28")).toMatchObject({
      kwh: expect.closeTo(23, 9),
      cost: expect.closeTo(16 * 0.3 + 7 * 0.1, 9),
    });
    expect(days.get("2026-03-29")).toMatchObject({
      kwh: expect.closeTo(23, 9),
      cost: expect.closeTo(16 * 0.3 + 7 * 0.1, 9),
    });
    expect(days.get("2026-03-30")).toMatchObject({ kwh: expect.closeTo(2, 9), cost: expect.closeTo(0.2, 9) });
  });

  it("prices the repeated hour of the autumn DST change by the wall clock, twice", () => {
    // 2026-10-25: 03:00 CEST → 02:00 CET at 01:00Z; 02:00–03:00 local happens twice (00:00–02:00Z).
    const night = amsterdam([{ days: ["sun"], from: "02:00", to: "03:00", pricePerKwh: 1 }]);
    expect(
      priceBuckets(constantLoad(1000, "2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z"), night).total.cost,
    ).toBeCloseTo(2 * 1 + 2 * 0.1, 9);
  });

  it("runs a period that ends before it starts past midnight, on the day it starts", () => {
    const weekendNight = amsterdam([{ days: ["fri"], from: "22:00", to: "06:00", pricePerKwh: 0.05 }]);
    // Fri 2026-11-20 21:00 local → Sat 07:00 local (CET): 1 h flat, 8 h night, 1 h flat.
    expect(
      priceBuckets(constantLoad(1000, "2026-11-20T20:00:00Z", "2026-11-21T06:00:00Z"), weekendNight).total.cost,
    ).toBeCloseTo(2 * 0.1 + 8 * 0.05, 9);
  });

  it("falls back to the flat tariff, and leaves cost unknown when there is none", () => {
    const load = constantLoad(1000, "2026-11-20T00:00:00Z", "2026-11-20T02:00:00Z");
    expect(priceBuckets(load, amsterdam([])).total.cost).toBeCloseTo(0.2, 12);
    expect(priceBuckets(load, { ...amsterdam([]), flatPricePerKwh: null }).total.cost).toBeNull();
  });
});

describe("carbon intensity", () => {
  it("uses the hourly series where it covers the hour and the site's intensity elsewhere", () => {
    const ctx: PricingContext = {
      timeZone: "UTC",
      periods: [],
      flatPricePerKwh: null,
      flatGCo2ePerKwh: 300,
      hourlyGCo2ePerKwh: new Map([
        [h("2026-11-20T10:00:00Z"), 100],
        [h("2026-11-20T11:00:00Z"), 500],
      ]),
    };
    // 2 kW 09:30–12:30: 1 kWh at 300 g, 2 kWh at 100 g, 2 kWh at 500 g, 1 kWh at 300 g.
    const { total } = priceBuckets(constantLoad(2000, "2026-11-20T09:30:00Z", "2026-11-20T12:30:00Z"), ctx);
    expect(total.co2eKg).toBeCloseTo(0.3 + 0.2 + 1.0 + 0.3, 12);
    expect(
      priceBuckets(constantLoad(2000, "2026-11-20T09:30:00Z", "2026-11-20T12:30:00Z"), {
        ...ctx,
        flatGCo2ePerKwh: null,
      }).total.co2eKg,
    ).toBeNull();
    expect(
      priceBuckets(constantLoad(2000, "2026-11-20T10:00:00Z", "2026-11-20T12:00:00Z"), {
        ...ctx,
        flatGCo2ePerKwh: null,
      }).total.co2eKg,
    ).toBeCloseTo(1.2, 12);
  });
});

describe("local time of a site", () => {
  it("gives wall-clock date, weekday and minute, DST included", () => {
    expect(localTimeOf(h("2026-03-29T00:59:00Z"), "Europe/Amsterdam")).toEqual({
      date: "2026-03-29",
      weekday: "sun",
      minuteOfDay: 1 * 60 + 59,
    });
    expect(localTimeOf(h("2026-03-29T01:00:00Z"), "Europe/Amsterdam")).toEqual({
      date: "2026-03-29",
      weekday: "sun",
      minuteOfDay: 3 * 60,
    });
    // Newfoundland changes its clocks on a UTC half hour: 02:00 NST (UTC−3:30) → 03:00 NDT at 05:30Z.
    expect(localTimeOf(h("2026-03-08T05:15:00Z"), "America/St_Johns").minuteOfDay).toBe(1 * 60 + 45);
    expect(localTimeOf(h("2026-03-08T05:30:00Z"), "America/St_Johns").minuteOfDay).toBe(3 * 60);
    expect(localTimeOf(h("2026-03-08T23:00:00Z"), "America/St_Johns")).toEqual({
      date: "2026-03-08",
      weekday: "sun",
      minuteOfDay: 20 * 60 + 30,
    });
    expect(localTimeOf(h("2026-11-20T23:30:00Z"), "Asia/Kolkata")).toEqual({
      date: "2026-11-21",
      weekday: "sat",
      minuteOfDay: 5 * 60,
    });
  });

  it("splits a range into local days, a DST day being 25 hours long", () => {
    const days = localDays(h("2026-10-24T22:00:00Z"), h("2026-10-26T12:00:00Z"), localCalendar("Europe/Amsterdam"));
    expect(days.map((d) => [d.date, new Date(d.fromMs).toISOString(), new Date(d.toMs).toISOString()])).toEqual([
      ["2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"],
      ["2026-10-26", "2026-10-25T23:00:00.000Z", "2026-10-26T12:00:00.000Z"],
    ]);
  });
});
