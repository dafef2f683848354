import { wattMsToKwh } from "../units";

/**
 * Every energy source — meter registers, watts samples, GPU power samples, GPU
 * energy counters, rollup averages — becomes the same thing: a power profile,
 * pieces of time over which power varies linearly from `startW` to `endW`, and
 * gaps where nothing is known. Energy over any interval is then exact for the
 * model (a trapezoid on each clipped piece), so splitting a day at tariff or
 * hour boundaries never moves energy between slices.
 */
export type PowerPiece = { fromMs: number; toMs: number; startW: number; endW: number };
export type TimeSpan = { fromMs: number; toMs: number };
/** A span between two readings of a counter and the energy the counter says was used in it, kWh. */
export type CountedSpan = TimeSpan & { kwh: number };

export type PowerProfile = {
  /** Sorted by time, non-overlapping. */
  pieces: PowerPiece[];
  /** Spans between two samples further apart than the allowed gap: no energy is assumed there (power samples, rollups). */
  gaps: TimeSpan[];
  /**
   * Counter intervals longer than the allowed gap: their energy is known and
   * counted, but only as a total, so it is spread evenly (constant power) over
   * the interval wherever it has to be split.
   */
  coarse: CountedSpan[];
  /** Counter intervals in which the counter went down (a reset): `kwh` is the new value, a lower bound. */
  resets: CountedSpan[];
  /** Time of the first and last reading the profile was built from; null without readings. */
  firstMs: number | null;
  lastMs: number | null;
};

export const EMPTY_PROFILE: PowerProfile = {
  pieces: [],
  gaps: [],
  coarse: [],
  resets: [],
  firstMs: null,
  lastMs: null,
};

function wattsAt(p: PowerPiece, atMs: number): number {
  const span = p.toMs - p.fromMs;
  return span === 0 ? p.startW : p.startW + ((p.endW - p.startW) * (atMs - p.fromMs)) / span;
}

/** Energy of one piece inside [fromMs, toMs), kWh. */
export function pieceEnergyKwh(p: PowerPiece, fromMs: number, toMs: number): number {
  const lo = Math.max(fromMs, p.fromMs);
  const hi = Math.min(toMs, p.toMs);
  if (hi <= lo) return 0;
  return wattMsToKwh((wattsAt(p, lo) + wattsAt(p, hi)) / 2, hi - lo);
}

/** Index of the first piece that ends after `atMs` (pieces sorted and non-overlapping); pieces.length when none. */
function firstEndingAfter(pieces: PowerPiece[], atMs: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pieces[mid]!.toMs <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Energy of a profile inside [fromMs, toMs), kWh. A binary search finds the first piece, so per-step sums stay cheap. */
export function profileEnergyKwh(pieces: PowerPiece[], fromMs: number, toMs: number): number {
  let kwh = 0;
  for (let i = firstEndingAfter(pieces, fromMs); i < pieces.length && pieces[i]!.fromMs < toMs; i++)
    kwh += pieceEnergyKwh(pieces[i]!, fromMs, toMs);
  return kwh;
}

/** The piece `atMs` falls strictly inside (not on its edges), or null: the readings either side of an instant. */
export function pieceAround(pieces: PowerPiece[], atMs: number): PowerPiece | null {
  const p = pieces[firstEndingAfter(pieces, atMs)];
  return p && p.fromMs < atMs ? p : null;
}

/**
 * Energy inside [fromMs, toMs) per bucket of `bucketMs` aligned to the Unix
 * epoch, keyed by the bucket's start (ms). Buckets without energy are absent.
 */
export function energyPerBucketKwh(
  pieces: PowerPiece[],
  fromMs: number,
  toMs: number,
  bucketMs: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of pieces) {
    const lo = Math.max(fromMs, p.fromMs);
    const hi = Math.min(toMs, p.toMs);
    if (hi <= lo) continue;
    for (let b = Math.floor(lo / bucketMs) * bucketMs; b < hi; b += bucketMs) {
      const kwh = pieceEnergyKwh(p, Math.max(lo, b), Math.min(hi, b + bucketMs));
      if (kwh !== 0) out.set(b, (out.get(b) ?? 0) + kwh);
    }
  }
  return out;
}

/** Adds bucket maps together (the same bucket width), e.g. all facility meters of a site. */
export function addBuckets(into: Map<number, number>, from: Map<number, number>): Map<number, number> {
  for (const [b, kwh] of from) into.set(b, (into.get(b) ?? 0) + kwh);
  return into;
}

export function sumBuckets(buckets: Map<number, number>): number {
  let kwh = 0;
  for (const v of buckets.values()) kwh += v;
  return kwh;
}

const clipTo = (s: TimeSpan, fromMs: number, toMs: number): TimeSpan => ({
  fromMs: Math.max(s.fromMs, fromMs),
  toMs: Math.min(s.toMs, toMs),
});

/**
 * The spans of [fromMs, toMs) the profile says nothing about and that must be
 * reported: every gap between readings that overlaps the interval (clipped to
 * it), and, before the first or after the last reading, an uncovered edge
 * longer than `maxGapMs`. For a GPU held by a job, where the GPU certainly
 * existed the whole time; meters use `meterGaps`.
 */
export function reportableGaps(profile: PowerProfile, fromMs: number, toMs: number, maxGapMs: number): TimeSpan[] {
  const out: TimeSpan[] = [];
  const { firstMs, lastMs } = profile;
  if (firstMs === null || lastMs === null) return toMs - fromMs > maxGapMs ? [{ fromMs, toMs }] : [];
  const lead = clipTo({ fromMs, toMs: firstMs }, fromMs, toMs);
  if (lead.toMs - lead.fromMs > maxGapMs) out.push(lead);
  out.push(...overlappingGaps(profile, fromMs, toMs));
  const tail = clipTo({ fromMs: lastMs, toMs }, fromMs, toMs);
  if (tail.toMs - tail.fromMs > maxGapMs) out.push(tail);
  return out;
}

function overlappingGaps(profile: PowerProfile, fromMs: number, toMs: number): TimeSpan[] {
  return profile.gaps.map((g) => clipTo(g, fromMs, toMs)).filter((c) => c.toMs > c.fromMs);
}

/**
 * A meter's gaps in [fromMs, toMs): the gaps between its readings, and the
 * time since its last reading once it has been silent for longer than
 * `silentAfterMs` at `toMs` (shorter, the next reading is simply not due yet).
 * The time before its first reading is no gap: the meter did not exist yet.
 */
export function meterGaps(profile: PowerProfile, fromMs: number, toMs: number, silentAfterMs: number): TimeSpan[] {
  const out = overlappingGaps(profile, fromMs, toMs);
  if (isSilentAt(profile, toMs, silentAfterMs)) out.push(clipTo({ fromMs: profile.lastMs!, toMs }, fromMs, toMs));
  return out.filter((g) => g.toMs > g.fromMs);
}

/** Whether the profile's source has said nothing for longer than `silentAfterMs` before `atMs`. */
export function isSilentAt(profile: PowerProfile, atMs: number, silentAfterMs: number): boolean {
  return profile.lastMs !== null && atMs - profile.lastMs > silentAfterMs;
}
