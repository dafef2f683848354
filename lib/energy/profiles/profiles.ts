import {
  meterGaps,
  profileEnergyKwh,
  reportableGaps,
  type CountedSpan,
  type PowerPiece,
  type PowerProfile,
  type TimeSpan,
} from "./power-profile";
import { kwhToAverageW, millijoulesToKwh } from "../units";

/** A reading of a cumulative counter, in whatever unit `toKwh` converts from. */
export type CounterPoint = { atMs: number; value: number };
/** An instantaneous power reading, W. */
export type PowerPoint = { atMs: number; watts: number };
/** A rollup bucket: the mean power over [bucketMs, bucketMs + width), W. */
export type BucketPoint = { bucketMs: number; avgW: number };

export type EnergyResult = { kwh: number; gaps: TimeSpan[] };
export type CounterEnergyResult = EnergyResult & { coarse: CountedSpan[]; resets: CountedSpan[] };

function sortedByTime<T extends { atMs: number }>(points: T[]): T[] {
  return [...points].sort((a, b) => a.atMs - b.atMs);
}

/**
 * A profile from a cumulative counter (a meter's kWh register, a GPU's mJ
 * counter): constant power between consecutive readings. Every difference
 * between two readings is energy that was used, however far apart they are,
 * so every interval counts; intervals longer than `coarseAfterMs` are listed
 * as coarse (their energy is known only as a total). A counter that went down
 * was reset (meter swap, rollover, driver reload): the energy since the
 * previous reading is at least the new value, counted from zero — never
 * negative — and the interval is listed as a reset.
 */
export function counterProfile(
  points: CounterPoint[],
  coarseAfterMs: number,
  toKwh: (value: number) => number = (v) => v,
): PowerProfile {
  const sorted = sortedByTime(points);
  const pieces: PowerPiece[] = [];
  const coarse: CountedSpan[] = [];
  const resets: CountedSpan[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const spanMs = b.atMs - a.atMs;
    if (spanMs <= 0) continue;
    const isReset = b.value < a.value;
    const kwh = toKwh(isReset ? b.value : b.value - a.value);
    const w = kwhToAverageW(kwh, spanMs);
    pieces.push({ fromMs: a.atMs, toMs: b.atMs, startW: w, endW: w });
    if (spanMs > coarseAfterMs) coarse.push({ fromMs: a.atMs, toMs: b.atMs, kwh });
    if (isReset) resets.push({ fromMs: a.atMs, toMs: b.atMs, kwh });
  }
  return { pieces, gaps: [], coarse, resets, firstMs: sorted[0]?.atMs ?? null, lastMs: sorted.at(-1)?.atMs ?? null };
}

/**
 * A profile from power samples: linear between consecutive samples (the
 * trapezoid rule), gaps over `maxGapMs`. Unlike a counter, two samples far
 * apart say nothing about the power between them.
 */
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
  return {
    pieces,
    gaps,
    coarse: [],
    resets: [],
    firstMs: sorted[0]?.atMs ?? null,
    lastMs: sorted.at(-1)?.atMs ?? null,
  };
}

/**
 * A profile from rollup buckets (1-minute or 1-hour means): constant power over
 * each bucket present. Missing buckets between two present ones are gaps when
 * longer than `maxGapMs`; shorter ones simply add no energy.
 */
export function rollupProfile(buckets: BucketPoint[], widthMs: number, maxGapMs: number): PowerProfile {
  const sorted = [...buckets].sort((a, b) => a.bucketMs - b.bucketMs);
  const pieces: PowerPiece[] = sorted.map((b) => ({
    fromMs: b.bucketMs,
    toMs: b.bucketMs + widthMs,
    startW: b.avgW,
    endW: b.avgW,
  }));
  const gaps: TimeSpan[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const holeFrom = pieces[i - 1]!.toMs;
    const holeTo = pieces[i]!.fromMs;
    if (holeTo - holeFrom > maxGapMs) gaps.push({ fromMs: holeFrom, toMs: holeTo });
  }
  return {
    pieces,
    gaps,
    coarse: [],
    resets: [],
    firstMs: pieces[0]?.fromMs ?? null,
    lastMs: pieces.at(-1)?.toMs ?? null,
  };
}

/** The median time between consecutive readings, ms: how often a meter is read. Null with fewer than two readings. */
export function readingIntervalMs(points: { atMs: number }[]): number | null {
  const spans: number[] = [];
  const sorted = sortedByTime(points);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.atMs > sorted[i - 1]!.atMs) spans.push(sorted[i]!.atMs - sorted[i - 1]!.atMs);
  if (spans.length === 0) return null;
  spans.sort((a, b) => a - b);
  return spans[Math.floor((spans.length - 1) / 2)]!;
}

/**
 * How long a register may stay silent before the silence is a gap: twice its
 * own reading interval (a register read daily has simply not been read yet
 * at 15:00), and never less than `maxGapMs`.
 */
export function registerSilentAfterMs(intervalMs: number | null, maxGapMs: number): number {
  return Math.max(maxGapMs, 2 * (intervalMs ?? 0));
}

const overlaps = (s: TimeSpan, fromMs: number, toMs: number) => s.toMs > fromMs && s.fromMs < toMs;

/**
 * Energy of a meter over [fromMs, toMs) from its cumulative kWh register,
 * interpolating linearly at the interval's edges. Pass readings up to the
 * last one at or before `fromMs` and from the first one at or after `toMs`,
 * so the edges can be interpolated. Gaps: only a register silent for longer
 * than twice its reading interval at `toMs`.
 */
export function registerEnergyKwh(
  readings: { atMs: number; kwhTotal: number }[],
  fromMs: number,
  toMs: number,
  maxGapMs: number,
): CounterEnergyResult {
  const points = readings.map((r) => ({ atMs: r.atMs, value: r.kwhTotal }));
  const profile = counterProfile(points, maxGapMs);
  return {
    kwh: profileEnergyKwh(profile.pieces, fromMs, toMs),
    gaps: meterGaps(profile, fromMs, toMs, registerSilentAfterMs(readingIntervalMs(points), maxGapMs)),
    coarse: profile.coarse.filter((c) => overlaps(c, fromMs, toMs)),
    resets: profile.resets.filter((c) => overlaps(c, fromMs, toMs)),
  };
}

function energyOf(profile: PowerProfile, fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return { kwh: profileEnergyKwh(profile.pieces, fromMs, toMs), gaps: reportableGaps(profile, fromMs, toMs, maxGapMs) };
}

/** Energy over [fromMs, toMs) from instantaneous power samples: trapezoids, never across a gap. */
export function powerEnergyKwh(samples: PowerPoint[], fromMs: number, toMs: number, maxGapMs: number): EnergyResult {
  return energyOf(powerSamplesProfile(samples, maxGapMs), fromMs, toMs, maxGapMs);
}

/** Energy over [fromMs, toMs) from a GPU's DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter (mJ), resets handled. */
export function gpuCounterEnergyKwh(
  samples: { atMs: number; mj: number }[],
  fromMs: number,
  toMs: number,
  maxGapMs: number,
): EnergyResult {
  return energyOf(
    counterProfile(
      samples.map((s) => ({ atMs: s.atMs, value: s.mj })),
      maxGapMs,
      millijoulesToKwh,
    ),
    fromMs,
    toMs,
    maxGapMs,
  );
}

/** Energy over [fromMs, toMs) from rollup means (e.g. 1-minute averages of DCGM_FI_DEV_POWER_USAGE). */
export function rollupEnergyKwh(
  buckets: BucketPoint[],
  widthMs: number,
  fromMs: number,
  toMs: number,
  maxGapMs: number,
): EnergyResult {
  return energyOf(rollupProfile(buckets, widthMs, maxGapMs), fromMs, toMs, maxGapMs);
}
