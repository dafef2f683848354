import { describe, expect, it } from "vitest";
import { counterProfile, powerSamplesProfile } from "../../../lib/energy/profiles/profiles";
import { pueOver, type PueMeter } from "../../../lib/energy/profiles/pue";

const T0 = Date.parse("2026-11-20T00:00:00Z");
const min = (m: number) => T0 + m * 60_000;
const MAX_GAP = 15 * 60_000;

/** A register read every `everyMin` minutes from `startMin` to `endMin`, drawing `kwAt(minute)` kW (constant within each minute). */
function register(
  scope: "facility" | "it",
  everyMin: number,
  kwAt: (m: number) => number,
  startMin = 0,
  endMin = 24 * 60,
): PueMeter {
  const points: { atMs: number; value: number }[] = [];
  let kwh = 1000;
  for (let m = startMin; m <= endMin; m++) {
    if ((m - startMin) % everyMin === 0) points.push({ atMs: min(m), value: kwh });
    kwh += kwAt(m) / 60;
  }
  return { scope, profile: counterProfile(points, MAX_GAP), takesPart: true };
}

// The IT load is 100 kW at night and 200 kW from 08:00 to 20:00; cooling adds a constant 60 kW.
const itKw = (m: number) => (m % 1440 >= 8 * 60 && m % 1440 < 20 * 60 ? 200 : 100);
const facilityKw = (m: number) => itKw(m) + 60;
const kwhOf = (kw: (m: number) => number, fromMin: number, toMin: number) => {
  let kwh = 0;
  for (let m = fromMin; m < toMin; m++) kwh += kw(m) / 60;
  return kwh;
};

describe("PUE over the time both scopes were measured", () => {
  it("is facility ÷ IT over the period when every meter is read on the same quarter hours", () => {
    const r = pueOver([register("facility", 15, facilityKw), register("it", 15, itKw)], min(0), min(24 * 60), MAX_GAP);
    expect(r).toMatchObject({ fromMs: min(0), toMs: min(24 * 60), unknown: null });
    expect(r.pue).toBeCloseTo(kwhOf(facilityKw, 0, 1440) / kwhOf(itKw, 0, 1440), 12);
  });

  it("moves an edge that cuts a coarse facility interval to its reading, so the IT load's shape does not skew it", () => {
    // Facility read hourly, IT every 15 min; the period 07:30–20:30 cuts the facility's 07:00–08:00 and 20:00–21:00.
    const r = pueOver(
      [register("facility", 60, facilityKw), register("it", 15, itKw)],
      min(7 * 60 + 30),
      min(20 * 60 + 30),
      MAX_GAP,
    );
    expect(r).toMatchObject({ fromMs: min(8 * 60), toMs: min(20 * 60) });
    expect(r.pue).toBeCloseTo(260 / 200, 12);
    // Apportioning the facility's hours evenly instead would have given (0.5·130 + 12·260 + 0.5·160) / (0.5·100 + 12·200 + 0.5·200).
    expect(r.pue).not.toBeCloseTo((65 + 3120 + 80) / (50 + 2400 + 100), 3);
  });

  it("keeps an edge inside an interval when every meter is read at the same two times around it", () => {
    // Both read daily: their ratio over part of the day is the day's measured PUE.
    const r = pueOver(
      [register("facility", 24 * 60, facilityKw, 0, 48 * 60), register("it", 24 * 60, itKw, 0, 48 * 60)],
      min(6 * 60),
      min(30 * 60),
      MAX_GAP,
    );
    expect(r).toMatchObject({ fromMs: min(6 * 60), toMs: min(30 * 60) });
    expect(r.pue).toBeCloseTo(kwhOf(facilityKw, 0, 1440) / kwhOf(itKw, 0, 1440), 12);
  });

  it("has no PUE inside a single hour when facility is read daily and IT every 15 minutes", () => {
    const meters = [register("facility", 24 * 60, facilityKw, 0, 48 * 60), register("it", 15, itKw, 0, 48 * 60)];
    expect(pueOver(meters, min(9 * 60), min(10 * 60), MAX_GAP)).toEqual({
      pue: null,
      fromMs: null,
      toMs: null,
      unknown: "no_common_time",
    });
    expect(pueOver(meters, min(0), min(48 * 60), MAX_GAP).pue).toBeCloseTo(
      kwhOf(facilityKw, 0, 1440) / kwhOf(itKw, 0, 1440),
      12,
    );
  });

  it("ends at the last reading of the meter read least recently", () => {
    // The facility register was last read at 09:00 (hourly); IT is read through 09:45.
    const r = pueOver(
      [register("facility", 60, facilityKw, 0, 9 * 60), register("it", 15, itKw, 0, 9 * 60 + 45)],
      min(0),
      min(9 * 60 + 50),
      MAX_GAP,
    );
    expect(r).toMatchObject({ fromMs: min(0), toMs: min(9 * 60) });
    expect(r.pue).toBeCloseTo(kwhOf(facilityKw, 0, 540) / kwhOf(itKw, 0, 540), 12);
  });

  it("starts when both scopes are metered: a meter's first reading", () => {
    const r = pueOver(
      [register("facility", 15, facilityKw, 12 * 60), register("it", 15, itKw)],
      min(0),
      min(24 * 60),
      MAX_GAP,
    );
    expect(r).toMatchObject({ fromMs: min(12 * 60), toMs: min(24 * 60) });
    expect(r.pue).toBeCloseTo(kwhOf(facilityKw, 720, 1440) / kwhOf(itKw, 720, 1440), 12);
  });

  it("leaves a watts meter's gap out of both scopes", () => {
    const samples = Array.from({ length: 97 }, (_, q) => ({ atMs: min(q * 15), watts: itKw(q * 15) * 1000 })).filter(
      (s) => s.atMs <= min(120) || s.atMs >= min(240),
    );
    const it: PueMeter = { scope: "it", profile: powerSamplesProfile(samples, MAX_GAP), takesPart: true };
    // Constant power within each quarter hour is exact for the trapezoids only where the load does not step; keep to the night.
    const r = pueOver([register("facility", 15, facilityKw), it], min(0), min(6 * 60), MAX_GAP);
    expect(r.pue).toBeCloseTo(160 / 100, 12);
    expect(r).toMatchObject({ fromMs: min(0), toMs: min(6 * 60) });
  });

  it("leaves a register reset out of both scopes: it counts only a lower bound", () => {
    // The facility register is swapped at 10:20 and restarts from 0; the 10:15–10:30 interval counts only 10 minutes of it.
    const facility = register("facility", 15, facilityKw);
    const points = facility.profile.pieces.map((p) => p.fromMs).concat(facility.profile.lastMs!);
    const reading = (atMs: number) => 1000 + kwhOf(facilityKw, 0, (atMs - T0) / 60_000);
    const swapped = points.map((atMs) => ({
      atMs,
      value: atMs <= min(615) ? reading(atMs) : reading(atMs) - reading(min(620)),
    }));
    const r = pueOver(
      [{ scope: "facility", profile: counterProfile(swapped, MAX_GAP), takesPart: true }, register("it", 15, itKw)],
      min(0),
      min(24 * 60),
      MAX_GAP,
    );
    const kwh = (kw: (m: number) => number) => kwhOf(kw, 0, 615) + kwhOf(kw, 630, 1440);
    expect(r.pue).toBeCloseTo(kwh(facilityKw) / kwh(itKw), 12);
  });

  it("says why it is unknown", () => {
    const facility = register("facility", 15, facilityKw);
    const it = register("it", 15, itKw);
    expect(pueOver([it], min(0), min(60), MAX_GAP).unknown).toBe("no_facility_meter");
    expect(pueOver([facility], min(0), min(60), MAX_GAP).unknown).toBe("no_it_meter");
    expect(pueOver([{ ...facility, takesPart: false }, it], min(0), min(60), MAX_GAP).unknown).toBe("no_common_time");
    expect(pueOver([register("facility", 15, () => 0), it], min(0), min(60), MAX_GAP).unknown).toBe("no_energy");
  });
});
