import { wattMsToKwh } from "./units";

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

export type PowerProfile = {
  /** Sorted by time, non-overlapping. */
  pieces: PowerPiece[];
  /** Spans between two readings further apart than the allowed gap: no energy is assumed there. */
  gaps: TimeSpan[];
  /** Time of the first and last reading the profile was built from; null without readings. */
  firstMs: number | null;
  lastMs: number | null;
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

/** Energy of a profile inside [fromMs, toMs), kWh. */
export function profileEnergyKwh(pieces: PowerPiece[], fromMs: number, toMs: number): number {
  let kwh = 0;
  for (const p of pieces) if (p.toMs > fromMs && p.fromMs < toMs) kwh += pieceEnergyKwh(p, fromMs, toMs);
  return kwh;
}

/**
 * Energy inside [fromMs, toMs) per bucket of `bucketMs` aligned to the Unix
 * epoch, keyed by the bucket's start (ms). Buckets without energy are absent.
 */
export function energyPerBucketKwh(pieces: PowerPiece[], fromMs: number, toMs: number, bucketMs: number): Map<number, number> {
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

/**
 * The spans of [fromMs, toMs) the profile says nothing about and that must be
 * reported: every gap between readings that overlaps the interval (clipped to
 * it), and, before the first or after the last reading, an uncovered edge
 * longer than `maxGapMs` (a meter that started or went silent mid-interval).
 */
export function reportableGaps(profile: PowerProfile, fromMs: number, toMs: number, maxGapMs: number): TimeSpan[] {
  const out: TimeSpan[] = [];
  const clipped = (s: TimeSpan) => ({ fromMs: Math.max(s.fromMs, fromMs), toMs: Math.min(s.toMs, toMs) });
  const { firstMs, lastMs } = profile;
  if (firstMs === null || lastMs === null) return toMs - fromMs > maxGapMs ? [{ fromMs, toMs }] : [];
  const lead = clipped({ fromMs, toMs: firstMs });
  if (lead.toMs - lead.fromMs > maxGapMs) out.push(lead);
  for (const gap of profile.gaps) {
    const c = clipped(gap);
    if (c.toMs > c.fromMs) out.push(c);
  }
  const tail = clipped({ fromMs: lastMs, toMs });
  if (tail.toMs - tail.fromMs > maxGapMs) out.push(tail);
  return out;
}
