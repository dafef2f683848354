import { profileEnergyKwh, reportableGaps, type PowerPiece, type PowerProfile, type TimeSpan } from "./power-profile";
import { kwhToAverageW, millijoulesToKwh } from "./units";

/** A reading of a cumulative counter, in whatever unit `toKwh` converts from. */
export type CounterPoint = { atMs: number; value: number };
/** An instantaneous power reading, W. */
export type PowerPoint = { atMs: number; watts: number };
/** A rollup bucket: the mean power over [bucketMs, bucketMs + width), W. */
export type BucketPoint = { bucketMs: number; avgW: number };

export type EnergyResult = { kwh: number; gaps: TimeSpan[] };

function sortedByTime<T extends { atMs: number }>(points: T[]): T[] {
  return [...points].sort((a, b) => a.atMs - b.atMs);
}

/**
 * A profile from a cumulative counter (a meter's kWh register, a GPU's mJ
 * counter): constant power between consecutive readings. A counter that went
 * down was reset (meter swap, driver reload), so the energy since the previous
 * reading is the new value itself, counted from zero — never negative. Two
 * readings more than `maxGapMs` apart are a gap: the energy between them is
 * not spread over hours nobody measured.
 */
export function counterProfile(points: CounterPoint[], maxGapMs: number, toKwh: (value: number) => number = (v) => v): PowerProfile {
  const sorted = sortedByTime(points);
  const pieces: PowerPiece[] = [];
  const gaps: TimeSpan[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const spanMs = b.atMs - a.atMs;
    if (spanMs <= 0) continue;
    if (spanMs > maxGapMs) {
      gaps.push({ fromMs: a.atMs, toMs: b.atMs });
      continue;
    }
    const delta = b.value >= a.value ? b.value - a.value : b.value;
    const w = kwhToAverageW(toKwh(delta), spanMs);
    pieces.push({ fromMs: a.atMs, toMs: b.atMs, startW: w, endW: w });
  }
  return { pieces, gaps, firstMs: sorted[0]?.atMs ?? null, lastMs: sorted.at(-1)?.atMs ?? null };
}

/** A profile from power samples: linear between consecutive samples (the trapezoid rule), gaps over `maxGapMs`. */
export function powerSamplesProfile(points: PowerPoint[], maxGapMs: number): PowerProfile {
  const sorted = sortedByTime(points);
  const pieces: PowerPiece[] = [];
  const gaps: TimeSpan[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.atMs <= a.atMs) continue;
    if (b.atMs - a.atMs > maxGapMs) gaps.push({ fromMs: a.atMs, toMs: b.atMs });
    else pieces.push({ fromMs: a.atMs, toMs: b.atMs, startW: a.watts, endW: b.watts });
  }
  return { pieces, gaps, firstMs: sorted[0]?.atMs ?? null, lastMs: sorted.at(-1)?.atMs ?? null };
}

/**
 * A profile from rollup buckets (1-minute or 1-hour means): constant power over
 * each bucket present. Missing buckets between two present ones are gaps when
 * longer than `maxGapMs`; shorter ones simply add no energy.
 */
export function rollupProfile(buckets: BucketPoint[], widthMs: number, maxGapMs: number): PowerProfile {
  const sorted = [...buckets].sort((a, b) => a.bucketMs - b.bucketMs);
  const pieces: PowerPiece[] = sorted.map((b) => ({ fromMs: b.bucketMs, toMs: b.bucketMs + widthMs, startW: b.avgW, endW: b.avgW }));
  const gaps: TimeSpan[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const holeFrom = pieces[i - 1]!.toMs;
    const holeTo = pieces[i]!.fromMs;
    if (holeTo - holeFrom > maxGapMs) gaps.push({ fromMs: holeFrom, toMs: holeTo });
  }
  return { pieces, gaps, firstMs: pieces[0]?.fromMs ?? null, lastMs: pieces.at(-1)?.toMs ?? null };
}

function energyOf(profile: PowerProfile, fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return { kwh: profileEnergyKwh(profile.pieces, fromMs, toMs), gaps: reportableGaps(profile, fromMs, toMs, maxGapMs) };
}

/**
 * Energy of a meter over [fromMs, toMs) from its cumulative kWh register,
 * interpolating linearly at the interval's edges inside a segment (never
 * across a gap). Pass readings up to the last one at or before `fromMs` and
 * from the first one at or after `toMs`, so the edges can be interpolated.
 */
export function registerEnergyKwh(readings: { atMs: number; kwhTotal: number }[], fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return energyOf(counterProfile(readings.map((r) => ({ atMs: r.atMs, value: r.kwhTotal })), maxGapMs), fromMs, toMs, maxGapMs);
}

/** Energy over [fromMs, toMs) from instantaneous power samples: trapezoids, never across a gap. */
export function powerEnergyKwh(samples: PowerPoint[], fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return energyOf(powerSamplesProfile(samples, maxGapMs), fromMs, toMs, maxGapMs);
}

/** Energy over [fromMs, toMs) from a GPU's DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter (mJ), resets handled. */
export function gpuCounterEnergyKwh(samples: { atMs: number; mj: number }[], fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return energyOf(counterProfile(samples.map((s) => ({ atMs: s.atMs, value: s.mj })), maxGapMs, millijoulesToKwh), fromMs, toMs, maxGapMs);
}

/** Energy over [fromMs, toMs) from rollup means (e.g. 1-minute averages of DCGM_FI_DEV_POWER_USAGE). */
export function rollupEnergyKwh(buckets: BucketPoint[], widthMs: number, fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return energyOf(rollupProfile(buckets, widthMs, maxGapMs), fromMs, toMs, maxGapMs);
}
