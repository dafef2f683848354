import { describe, expect, it } from "vitest";
import { energyPerBucketKwh, sumBuckets } from "../../../lib/energy/power-profile";
import { counterProfile, gpuCounterEnergyKwh, powerEnergyKwh, registerEnergyKwh, rollupEnergyKwh } from "../../../lib/energy/profiles";

const T0 = Date.parse("2026-11-20T00:00:00Z");
const min = (m: number) => T0 + m * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const MAX_GAP = 15 * 60_000;

describe("energy of a meter from its cumulative kWh register", () => {
  it("counts a reset (register went down) from the new value, never as negative energy", () => {
    const readings = [{ atMs: min(0), kwhTotal: 100 }, { atMs: min(15), kwhTotal: 110 }, { atMs: min(30), kwhTotal: 5 }, { atMs: min(45), kwhTotal: 15 }];
    // 10 kWh, then 5 kWh since the reset (0 → 5), then 10 kWh.
    expect(registerEnergyKwh(readings, min(0), min(45), MAX_GAP)).toEqual({ kwh: 25, gaps: [] });
  });

  it("interpolates linearly at the interval's edges inside a segment", () => {
    const readings = [{ atMs: min(0), kwhTotal: 100 }, { atMs: min(15), kwhTotal: 110 }, { atMs: min(30), kwhTotal: 5 }, { atMs: min(45), kwhTotal: 15 }];
    // [00:05, 00:40): 10 of the first 15 minutes, the whole reset segment, 10 of the last 15.
    expect(registerEnergyKwh(readings, min(5), min(40), MAX_GAP).kwh).toBeCloseTo(10 * (10 / 15) + 5 + 10 * (10 / 15), 12);
  });

  it("reports a gap longer than the maximum and does not spread energy across it", () => {
    const readings = [{ atMs: min(0), kwhTotal: 0 }, { atMs: min(15), kwhTotal: 10 }, { atMs: min(60), kwhTotal: 40 }, { atMs: min(75), kwhTotal: 50 }];
    const r = registerEnergyKwh(readings, min(0), min(75), MAX_GAP);
    expect(r.kwh).toBe(20);
    expect(r.gaps).toEqual([{ fromMs: min(15), toMs: min(60) }]);
    // A gap that only overlaps the interval is reported clipped to it, and edge interpolation never reaches into it.
    expect(registerEnergyKwh(readings, min(10), min(30), MAX_GAP)).toEqual({ kwh: 10 / 3, gaps: [{ fromMs: min(15), toMs: min(30) }] });
    // With a larger maximum the same readings are one continuous series.
    expect(registerEnergyKwh(readings, min(0), min(75), 60 * 60_000)).toEqual({ kwh: 50, gaps: [] });
  });

  it("treats readings exactly the maximum apart as continuous", () => {
    expect(registerEnergyKwh([{ atMs: min(0), kwhTotal: 1 }, { atMs: min(15), kwhTotal: 2 }], min(0), min(15), MAX_GAP)).toEqual({ kwh: 1, gaps: [] });
  });

  it("reports the uncovered start and end of the interval when longer than the maximum", () => {
    const readings = [{ atMs: min(30), kwhTotal: 0 }, { atMs: min(45), kwhTotal: 3 }];
    const r = registerEnergyKwh(readings, min(0), min(120), MAX_GAP);
    expect(r.kwh).toBe(3);
    expect(r.gaps).toEqual([{ fromMs: min(0), toMs: min(30) }, { fromMs: min(45), toMs: min(120) }]);
    expect(registerEnergyKwh(readings, min(20), min(55), MAX_GAP).gaps).toEqual([]);
    expect(registerEnergyKwh([], min(0), min(60), MAX_GAP).gaps).toEqual([{ fromMs: min(0), toMs: min(60) }]);
  });

  it("splits energy into quarter-hour buckets that add up to the total", () => {
    const profile = counterProfile([{ atMs: min(0), value: 0 }, { atMs: min(10), value: 4 }, { atMs: min(25), value: 10 }], MAX_GAP);
    const buckets = energyPerBucketKwh(profile.pieces, min(0), min(25), 15 * 60_000);
    expect([...buckets.keys()].map(iso)).toEqual(["2026-11-20T00:00:00.000Z", "2026-11-20T00:15:00.000Z"]);
    expect(buckets.get(min(0))).toBeCloseTo(4 + 6 * (5 / 15), 12);
    expect(sumBuckets(buckets)).toBeCloseTo(10, 12);
  });
});

describe("energy from power samples (trapezoid rule)", () => {
  // P(t) = 300 + 200·sin(πt/T) W over T = 2 h: ∫P dt = 300·T + 200·2T/π.
  const T = 2 * 3_600_000;
  const power = (tMs: number) => 300 + 200 * Math.sin((Math.PI * tMs) / T);
  const exactKwh = (300 * 2 + (200 * 2 * 2) / Math.PI) / 1000;

  it("integrates a known power curve sampled every 60 s, with jitter, within 0.5 %", () => {
    const samples = Array.from({ length: 121 }, (_, i) => {
      const t = Math.min(T, Math.max(0, i * 60_000 + (i % 2 ? 7_000 : -3_000)));
      return { atMs: T0 + t, watts: power(t) };
    });
    const r = powerEnergyKwh(samples, T0, T0 + T, 5 * 60_000);
    expect(Math.abs(r.kwh - exactKwh) / exactKwh).toBeLessThan(0.005);
    expect(r.gaps).toEqual([]);
  });

  it("does not integrate across a gap longer than the bound, and reports it", () => {
    const samples = Array.from({ length: 721 }, (_, i) => ({ atMs: T0 + i * 10_000, watts: power(i * 10_000) })).filter(
      (s) => s.atMs <= min(40) || s.atMs >= min(60),
    );
    const r = powerEnergyKwh(samples, T0, T0 + T, 5 * 60_000);
    const missing = (300 * (20 / 60) + (200 * T) / Math.PI / 3_600_000 * (Math.cos((Math.PI * 40) / 120) - Math.cos((Math.PI * 60) / 120))) / 1000;
    expect(r.gaps).toEqual([{ fromMs: min(40), toMs: min(60) }]);
    expect(Math.abs(r.kwh - (exactKwh - missing)) / exactKwh).toBeLessThan(0.005);
  });

  it("is exact for constant power: 300 W for 2 h is 0.6 kWh", () => {
    const samples = Array.from({ length: 721 }, (_, i) => ({ atMs: T0 + i * 10_000, watts: 300 }));
    expect(powerEnergyKwh(samples, T0, T0 + T, 60_000).kwh).toBeCloseTo(0.6, 12);
  });
});

describe("GPU energy from DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (mJ)", () => {
  it("adds counter deltas, counting a reset from the new value", () => {
    const s = (sec: number, mj: number) => ({ atMs: T0 + sec * 1000, mj });
    // 300 W for 30 s = 9 000 J = 9e6 mJ; the driver reloads and the counter restarts at 3e6 mJ.
    const samples = [s(0, 1e9), s(30, 1e9 + 9e6), s(60, 3e6), s(90, 12e6)];
    const r = gpuCounterEnergyKwh(samples, T0, T0 + 90_000, 5 * 60_000);
    expect(r.kwh).toBeCloseTo(21e6 / 3.6e9, 15);
    expect(r.gaps).toEqual([]);
  });
});

describe("energy from rollup means", () => {
  it("treats each bucket's mean as constant power over the bucket, clipped to the interval", () => {
    const buckets = [{ bucketMs: min(0), avgW: 600 }, { bucketMs: min(1), avgW: 1200 }, { bucketMs: min(2), avgW: 600 }];
    // 600 W·30 s + 1200 W·60 s + 600 W·60 s = 126 000 J.
    expect(rollupEnergyKwh(buckets, 60_000, T0 + 30_000, min(3), 5 * 60_000).kwh).toBeCloseTo(126_000 / 3.6e6, 12);
  });
});
