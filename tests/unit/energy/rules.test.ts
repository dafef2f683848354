import { describe, expect, it } from "vitest";
import { pueAboveTarget, racksOverCap } from "../../../lib/energy/reports/alert-rules";
import { rollUpEnergyKwh } from "../../../lib/energy/reports/energy-rollup";
import { EnergyReadingInput, PutTariffInput, CarbonIntensityInput } from "../../../lib/energy/schemas";
import { roundKwh } from "../../../lib/energy/units";

describe("rolling GPU energy up", () => {
  const gpus = [
    { uuid: "GPU-a", hostname: "n1", rack: "r1", site: "ams1", kwh: 1 },
    { uuid: "GPU-b", hostname: "n1", rack: "r1", site: "ams1", kwh: 2 },
    { uuid: "GPU-c", hostname: "n2", rack: "r2", site: "ams1", kwh: 4 },
    { uuid: "GPU-d", hostname: "n3", rack: "r1", site: "pdx1", kwh: 0.5 },
  ];
  it("sums per server, per site/rack and per site, largest first", () => {
    expect(rollUpEnergyKwh(gpus, "server")).toEqual([
      { name: "n2", kwh: 4 },
      { name: "n1", kwh: 3 },
      { name: "n3", kwh: 0.5 },
    ]);
    expect(rollUpEnergyKwh(gpus, "rack")).toEqual([
      { name: "ams1/r2", kwh: 4 },
      { name: "ams1/r1", kwh: 3 },
      { name: "pdx1/r1", kwh: 0.5 },
    ]);
    expect(rollUpEnergyKwh(gpus, "site")).toEqual([
      { name: "ams1", kwh: 7 },
      { name: "pdx1", kwh: 0.5 },
    ]);
  });
});

describe("energy alert hook points", () => {
  const rack = (name: string, powerW: number, powerCapKw: number | null) => ({
    site: "ams1",
    rack: name,
    powerW,
    powerCapKw,
    capUsedPct: powerCapKw ? (powerW / (powerCapKw * 1000)) * 100 : null,
    gpus: 8,
    gpusReporting: 8,
    at: null,
  });
  it("flags racks above the share of their cap, not at it, and never racks without a cap", () => {
    const findings = racksOverCap([rack("r1", 9_000, 10), rack("r2", 9_500, 10), rack("r3", 50_000, null)], 90);
    expect(findings).toEqual([
      {
        kind: "rack_power_over_cap",
        site: "ams1",
        rack: "r2",
        powerW: 9_500,
        capW: 10_000,
        capUsedPct: 95,
        thresholdPct: 90,
        at: null,
      },
    ]);
  });
  it("flags a PUE above target, not an unknown one", () => {
    expect(pueAboveTarget("ams1", 1.62, 1.5, 0, 3_600_000)).toMatchObject([
      { kind: "pue_above_target", pue: 1.62, target: 1.5 },
    ]);
    expect(pueAboveTarget("ams1", 1.5, 1.5, 0, 1)).toEqual([]);
    expect(pueAboveTarget("ams1", null, 1.5, 0, 1)).toEqual([]);
  });
});

describe("energy input schemas", () => {
  const reading = { site: "ams1", meter: "main", scope: "facility", at: "2026-11-20T00:00:00Z" };
  it("takes either a kWh register or watts, not both, not neither", () => {
    expect(EnergyReadingInput.safeParse({ ...reading, kwhTotal: 1 }).success).toBe(true);
    expect(EnergyReadingInput.safeParse({ ...reading, watts: 1 }).success).toBe(true);
    expect(EnergyReadingInput.safeParse({ ...reading, watts: 1, kwhTotal: 1 }).success).toBe(false);
    expect(EnergyReadingInput.safeParse(reading).success).toBe(false);
    expect(EnergyReadingInput.safeParse({ ...reading, kwhTotal: -1 }).success).toBe(false);
  });
  it("wants tariff periods on quarter hours, with from before 24:00 and different from to", () => {
    const p = (from: string, to: string) =>
      PutTariffInput.safeParse({ periods: [{ days: ["mon"], from, to, pricePerKwh: 0.2 }] }).success;
    expect([p("07:00", "23:00"), p("22:30", "06:45"), p("00:00", "24:00")]).toEqual([true, true, true]);
    expect([p("07:10", "23:00"), p("24:00", "06:00"), p("07:00", "07:00"), p("7:00", "23:00")]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it("wants carbon intensity per whole UTC hour", () => {
    expect(
      CarbonIntensityInput.safeParse({ site: "ams1", hour: "2026-11-20T13:00:00Z", gCo2ePerKwh: 200 }).success,
    ).toBe(true);
    expect(
      CarbonIntensityInput.safeParse({ site: "ams1", hour: "2026-11-20T14:00:00+01:00", gCo2ePerKwh: 200 }).success,
    ).toBe(true);
    expect(
      CarbonIntensityInput.safeParse({ site: "ams1", hour: "2026-11-20T13:30:00Z", gCo2ePerKwh: 200 }).success,
    ).toBe(false);
  });
});

describe("energy units", () => {
  it("rounds kWh to 6 decimals", () => {
    expect(roundKwh(0.1 + 0.2)).toBe(0.3);
  });
});
