import type { CountedSpan, TimeSpan } from "./power-profile";

/** Which edges of a period fall strictly inside a reading interval, splitting its energy. */
export type Cut = "start" | "end" | "both" | null;

/**
 * Consecutive coarse reading intervals of one meter inside a period. An
 * interval the period's edge cuts is a run of its own, so its bounds are the
 * two readings either side of the edge.
 */
export type CoarseRun = TimeSpan & {
  intervals: number;
  longestMs: number;
  /** The register's difference between the run's first and last reading. */
  kwh: number;
  /** The part of `kwh` inside the period, spread evenly over each interval. */
  kwhInPeriod: number;
  cut: Cut;
};

export const overlaps = (s: TimeSpan, fromMs: number, toMs: number) => s.toMs > fromMs && s.fromMs < toMs;
const isInside = (atMs: number, s: TimeSpan) => s.fromMs < atMs && atMs < s.toMs;

function cutOf(s: TimeSpan, fromMs: number, toMs: number): Cut {
  const [start, end] = [isInside(fromMs, s), isInside(toMs, s)];
  return start && end ? "both" : start ? "start" : end ? "end" : null;
}

/** The energy of an interval that falls inside [fromMs, toMs) when it is spread evenly over the interval. */
export function evenShareKwh(s: CountedSpan, fromMs: number, toMs: number): number {
  const inside = Math.min(toMs, s.toMs) - Math.max(fromMs, s.fromMs);
  return inside <= 0 ? 0 : (s.kwh * inside) / (s.toMs - s.fromMs);
}

/** A meter's coarse intervals that overlap [fromMs, toMs), merged into runs of consecutive intervals. */
export function coarseRuns(coarse: CountedSpan[], fromMs: number, toMs: number): CoarseRun[] {
  const out: CoarseRun[] = [];
  for (const s of coarse.filter((c) => overlaps(c, fromMs, toMs)).sort((a, b) => a.fromMs - b.fromMs)) {
    const cut = cutOf(s, fromMs, toMs);
    const last = out.at(-1);
    const kwhInPeriod = evenShareKwh(s, fromMs, toMs);
    if (last && last.cut === null && cut === null && last.toMs === s.fromMs) {
      Object.assign(last, {
        toMs: s.toMs,
        intervals: last.intervals + 1,
        longestMs: Math.max(last.longestMs, s.toMs - s.fromMs),
        kwh: last.kwh + s.kwh,
        kwhInPeriod: last.kwhInPeriod + kwhInPeriod,
      });
    } else {
      out.push({
        fromMs: s.fromMs,
        toMs: s.toMs,
        intervals: 1,
        longestMs: s.toMs - s.fromMs,
        kwh: s.kwh,
        kwhInPeriod,
        cut,
      });
    }
  }
  return out;
}

/** How many of the intervals [fromMs, toMs) cuts at either edge: their energy was split evenly across the edge. */
export function countCut(spans: TimeSpan[], fromMs: number, toMs: number): number {
  return spans.filter((s) => cutOf(s, fromMs, toMs) !== null).length;
}
