/**
 * Latency as a fixed-bucket histogram: serving processes add counts per
 * bucket, minutes and processes merge by addition, and percentiles are read
 * back by interpolating inside the bucket that holds them. Bounds in ms,
 * dense where predict latencies live (sub-ms to tens of ms).
 */
export const LATENCY_BOUNDS_MS: readonly number[] = [
  0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000, 10000,
];

/** Bucket i counts latencies in (bounds[i-1], bounds[i]]; the last bucket is everything above the last bound. */
export const BUCKETS = LATENCY_BOUNDS_MS.length + 1;

export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = LATENCY_BOUNDS_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms <= LATENCY_BOUNDS_MS[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function emptyCounts(): number[] {
  return new Array<number>(BUCKETS).fill(0);
}

export function addCounts(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < BUCKETS; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/**
 * The q-quantile (0–1) of the latencies counted, interpolated linearly inside
 * its bucket; null when nothing was counted. Above the last bound it answers
 * the last bound (the histogram cannot say more, and says so by its value).
 */
export function quantileOf(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    const c = counts[i] ?? 0;
    if (c > 0 && seen + c >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i] ?? LATENCY_BOUNDS_MS.at(-1)!;
      if (i >= LATENCY_BOUNDS_MS.length) return upper;
      return lower + ((upper - lower) * Math.max(0, rank - seen)) / c;
    }
    seen += c;
  }
  return LATENCY_BOUNDS_MS.at(-1)!;
}
