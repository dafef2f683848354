import { describe, expect, it } from "vitest";
import { coarseRuns, countCut } from "../../../lib/energy/profiles/coarse";
import { energyPerBucketKwh, sumBuckets } from "../../../lib/energy/profiles/power-profile";
import {
  counterProfile,
  gpuCounterEnergyKwh,
  powerEnergyKwh,
  readingIntervalMs,
  registerEnergyKwh,
  rollupEnergyKwh,
} from "../../../lib/energy/profiles/profiles";

const T0 = Date.parse("2026-11-20T00:00:00Z");
const min = (m: number) => T0 + m * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const MAX_GAP = 15 * 60_000;

describe("energy of a meter from its cumulative kWh register", () => {
  it("counts a reset (register went down) from the new value, never as negative energy", () => {
    const readings = [
      { atMs: min(0), kwhTotal: 100 },
      { atMs: min(15), kwhTotal: 110 },
      { atMs: min(30), kwhTotal: 5 },
      { atMs: min(45), kwhTotal: 15 },
    ];
    // 10 kWh, then 5 kWh since the reset (0 → 5), then 10 kWh.
    expect(registerEnergyKwh(readings, min(0), min(45), MAX_GAP)).toMatchObject({
      kwh: 25,
      gaps: [],
      resets: [{ fromMs: min(15), toMs: min(30), kwh: 5 }],
    });
  });

  it("counts the energy on both sides of a reset in an hourly register, and lists the reset as a lower bound", () => {
    // 60 kWh before the swap, the new register counts 20 kWh from 0 by 02:00 and 80 by 03:00.
    const readings = [
      { atMs: min(0), kwhTotal: 100 },
      { atMs: min(60), kwhTotal: 160 },
      { atMs: min(120), kwhTotal: 20 },
      { atMs: min(180), kwhTotal: 80 },
    ];
    const r = registerEnergyKwh(readings, min(0), min(180), MAX_GAP);
    expect(r.kwh).toBe(60 + 20 + 60);
    expect(r.resets).toEqual([{ fromMs: min(60), toMs: min(120), kwh: 20 }]);
    expect(r.gaps).toEqual([]);
    // Half the reset hour is half its counted 20 kWh.
    expect(registerEnergyKwh(readings, min(90), min(180), MAX_GAP).kwh).toBeCloseTo(10 + 60, 12);
  });

  it("interpolates linearly at the interval's edges inside a segment", () => {
    const readings = [
      { atMs: min(0), kwhTotal: 100 },
      { atMs: min(15), kwhTotal: 110 },
      { atMs: min(30), kwhTotal: 5 },
      { atMs: min(45), kwhTotal: 15 },
    ];
    // [00:05, 00:40): 10 of the first 15 minutes, the whole reset segment, 10 of the last 15.
    expect(registerEnergyKwh(readings, min(5), min(40), MAX_GAP).kwh).toBeCloseTo(
      10 * (10 / 15) + 5 + 10 * (10 / 15),
      12,
    );
  });

  // Until issue 13, readings further apart than the maximum were a gap and their energy was dropped.
  it("counts readings further apart than the maximum as a coarse interval, spread evenly, never as a gap", () => {
    const readings = [
      { atMs: min(0), kwhTotal: 0 },
      { atMs: min(15), kwhTotal: 10 },
      { atMs: min(60), kwhTotal: 40 },
      { atMs: min(75), kwhTotal: 50 },
    ];
    const r = registerEnergyKwh(readings, min(0), min(75), MAX_GAP);
    expect(r).toEqual({ kwh: 50, gaps: [], coarse: [{ fromMs: min(15), toMs: min(60), kwh: 30 }], resets: [] });
    // A window that cuts the coarse interval gets its even share: [00:10, 00:30) = 5 min of 10 kWh/15 min + 15 of the 45 coarse minutes of 30 kWh.
    expect(registerEnergyKwh(readings, min(10), min(30), MAX_GAP).kwh).toBeCloseTo(10 / 3 + 10, 12);
    // With a larger maximum the same readings are one fine series.
    expect(registerEnergyKwh(readings, min(0), min(75), 60 * 60_000)).toEqual({
      kwh: 50,
      gaps: [],
      coarse: [],
      resets: [],
    });
  });

  it("gives the same energy from readings every 15 minutes, every hour and every day of a constant load", () => {
    const kw = 120;
    const every = (m: number) =>
      Array.from({ length: (48 * 60) / m + 1 }, (_, i) => ({ atMs: min(i * m), kwhTotal: 5000 + (kw * i * m) / 60 }));
    for (const [from, to] of [
      [0, 24 * 60],
      [6 * 60, 30 * 60],
      [90, 47 * 60 + 10],
    ] as const) {
      const exact = (kw * (to - from)) / 60;
      for (const m of [15, 60, 24 * 60])
        expect(registerEnergyKwh(every(m), min(from), min(to), MAX_GAP).kwh).toBeCloseTo(exact, 9);
    }
  });

  it("treats readings exactly the maximum apart as fine", () => {
    expect(
      registerEnergyKwh(
        [
          { atMs: min(0), kwhTotal: 1 },
          { atMs: min(15), kwhTotal: 2 },
        ],
        min(0),
        min(15),
        MAX_GAP,
      ),
    ).toEqual({ kwh: 1, gaps: [], coarse: [], resets: [] });
  });

  // Until issue 13 the time before the first reading was reported as a gap.
  it("reports no gap before a meter's first reading, and a gap after its last only once it is overdue", () => {
    const readings = [
      { atMs: min(30), kwhTotal: 0 },
      { atMs: min(45), kwhTotal: 3 },
    ];
    const r = registerEnergyKwh(readings, min(0), min(120), MAX_GAP);
    expect(r.kwh).toBe(3);
    // Read every 15 minutes, silent for 75: overdue after twice its interval.
    expect(r.gaps).toEqual([{ fromMs: min(45), toMs: min(120) }]);
    expect(registerEnergyKwh(readings, min(0), min(70), MAX_GAP).gaps).toEqual([]);
    expect(registerEnergyKwh(readings, min(20), min(55), MAX_GAP).gaps).toEqual([]);
    expect(registerEnergyKwh([], min(0), min(60), MAX_GAP).gaps).toEqual([]);
  });

  it("does not call a register read daily overdue before its next reading is due", () => {
    const daily = [
      { atMs: min(0), kwhTotal: 0 },
      { atMs: min(24 * 60), kwhTotal: 2400 },
    ];
    expect(readingIntervalMs(daily)).toBe(24 * 60 * 60_000);
    // 15:00 on the second day: today's reading is simply not due yet.
    expect(registerEnergyKwh(daily, min(24 * 60), min(39 * 60), MAX_GAP)).toEqual({
      kwh: 0,
      gaps: [],
      coarse: [],
      resets: [],
    });
    // Three days later it is.
    expect(registerEnergyKwh(daily, min(72 * 60), min(96 * 60), MAX_GAP).gaps).toEqual([
      { fromMs: min(72 * 60), toMs: min(96 * 60) },
    ]);
  });

  it("splits energy into quarter-hour buckets that add up to the total", () => {
    const profile = counterProfile(
      [
        { atMs: min(0), value: 0 },
        { atMs: min(10), value: 4 },
        { atMs: min(25), value: 10 },
      ],
      MAX_GAP,
    );
    const buckets = energyPerBucketKwh(profile.pieces, min(0), min(25), 15 * 60_000);
    expect([...buckets.keys()].map(iso)).toEqual(["2026-11-20T00:00:00.000Z", "2026-11-20T00:15:00.000Z"]);
    expect(buckets.get(min(0))).toBeCloseTo(4 + 6 * (5 / 15), 12);
    expect(sumBuckets(buckets)).toBeCloseTo(10, 12);
  });

  it("spreads a daily reading evenly over the quarter hours it covers", () => {
    const profile = counterProfile(
      [
        { atMs: min(0), value: 0 },
        { atMs: min(24 * 60), value: 96 },
      ],
      MAX_GAP,
    );
    const buckets = energyPerBucketKwh(profile.pieces, min(0), min(24 * 60), 15 * 60_000);
    expect(buckets.size).toBe(96);
    for (const kwh of buckets.values()) expect(kwh).toBeCloseTo(1, 12);
  });
});

describe("coarse register intervals in a period", () => {
  const hourly = counterProfile(
    Array.from({ length: 7 }, (_, h) => ({ atMs: min(h * 60), value: 10 * h * h })),
    MAX_GAP,
  ).coarse;

  it("merges consecutive intervals into a run and gives an interval the period's edge cuts a run of its own", () => {
    // Hour h used 10·(2h + 1) kWh. [00:30, 05:15): half of hour 0, hours 1–4 whole, a quarter of hour 5.
    expect(coarseRuns(hourly, min(30), min(315))).toEqual([
      { fromMs: min(0), toMs: min(60), intervals: 1, longestMs: 3_600_000, kwh: 10, kwhInPeriod: 5, cut: "start" },
      {
        fromMs: min(60),
        toMs: min(300),
        intervals: 4,
        longestMs: 3_600_000,
        kwh: 30 + 50 + 70 + 90,
        kwhInPeriod: 240,
        cut: null,
      },
      { fromMs: min(300), toMs: min(360), intervals: 1, longestMs: 3_600_000, kwh: 110, kwhInPeriod: 27.5, cut: "end" },
    ]);
    expect(coarseRuns(hourly, min(70), min(80))).toEqual([
      { fromMs: min(60), toMs: min(120), intervals: 1, longestMs: 3_600_000, kwh: 30, kwhInPeriod: 5, cut: "both" },
    ]);
    expect(coarseRuns(hourly, min(60), min(120))).toEqual([
      { fromMs: min(60), toMs: min(120), intervals: 1, longestMs: 3_600_000, kwh: 30, kwhInPeriod: 30, cut: null },
    ]);
  });

  it("counts the intervals a span's edges cut", () => {
    expect(countCut(hourly, min(30), min(315))).toBe(2);
    expect(countCut(hourly, min(60), min(300))).toBe(0);
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
    const missing =
      (300 * (20 / 60) +
        ((200 * T) / Math.PI / 3_600_000) * (Math.cos((Math.PI * 40) / 120) - Math.cos((Math.PI * 60) / 120))) /
      1000;
    expect(r.gaps).toEqual([{ fromMs: min(40), toMs: min(60) }]);
    expect(Math.abs(r.kwh - (exactKwh - missing)) / exactKwh).toBeLessThan(0.005);
  });

  it("is exact for constant power: 300 W for 2 h is 0.6 kWh", () => {
    const samples = Array.from({ length: 721 }, (_, i) => ({ atMs: T0 + i * 10_000, watts: 300 }));
    expect(powerEnergyKwh(samples, T0, T0 + T, 60_000).kwh).toBeCloseTo(0.6, 12);
  });
});

describe("GPU energy from DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (mJ)", () => {
  it("counts the counter's difference across samples further apart than the gap bound, as coarse", () => {
    const s = (sec: number, mj: number) => ({ atMs: T0 + sec * 1000, mj });
    // 300 W; the scraper missed 10 minutes between 60 s and 660 s, the counter did not.
    const samples = [s(0, 0), s(60, 18e6), s(660, 198e6), s(720, 216e6)];
    const r = gpuCounterEnergyKwh(samples, T0, T0 + 720_000, 5 * 60_000);
    expect(r.kwh).toBeCloseTo(216e6 / 3.6e9, 15);
    expect(r.gaps).toEqual([]);
    expect(
      counterProfile(
        samples.map((x) => ({ atMs: x.atMs, value: x.mj })),
        5 * 60_000,
      ).coarse.map((c) => [c.fromMs - T0, c.toMs - T0]),
    ).toEqual([[60_000, 660_000]]);
  });

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
    const buckets = [
      { bucketMs: min(0), avgW: 600 },
      { bucketMs: min(1), avgW: 1200 },
      { bucketMs: min(2), avgW: 600 },
    ];
    // 600 W·30 s + 1200 W·60 s + 600 W·60 s = 126 000 J.
    expect(rollupEnergyKwh(buckets, 60_000, T0 + 30_000, min(3), 5 * 60_000).kwh).toBeCloseTo(126_000 / 3.6e6, 12);
  });
});
