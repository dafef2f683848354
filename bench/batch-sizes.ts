/** Batch sizes (instances per model call) → how many calls had each, as serving's /healthz reports them. */
export type BatchSizes = Record<string, number>;

const BUCKETS = [1, 2, 4, 8, 16, 32, 64, Infinity];

/** The calls of several rounds together: count, mean size, and the share of calls in power-of-two buckets. */
export function summariseBatches(rounds: BatchSizes[]) {
  const all = new Map<number, number>();
  for (const r of rounds)
    for (const [size, n] of Object.entries(r)) all.set(Number(size), (all.get(Number(size)) ?? 0) + n);
  const calls = [...all.values()].reduce((a, b) => a + b, 0);
  const instances = [...all].reduce((a, [size, n]) => a + size * n, 0);
  const shares: Record<string, number> = {};
  let lower = 1;
  for (const upper of BUCKETS) {
    const n = [...all].filter(([size]) => size >= lower && size <= upper).reduce((a, [, c]) => a + c, 0);
    const label = upper === Infinity ? `>${lower - 1}` : lower === upper ? `${upper}` : `${lower}-${upper}`;
    if (n) shares[label] = Math.round((n / calls) * 1000) / 1000;
    lower = upper + 1;
  }
  return { calls, meanSize: calls ? Math.round((instances / calls) * 10) / 10 : 0, shareOfCalls: shares };
}
