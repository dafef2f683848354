import type { SampleColumns } from "./sample-store";

/** One GPU's samples of one UTC minute, aggregated per field (index = field id − 1; undefined = no sample). */
export type MinutePartial = {
  gpuId: string;
  bucketMs: number;
  min: number[];
  max: number[];
  sum: number[];
  count: number[];
};

/** One GPU's newest sample of each field in a batch (index = field id − 1), and the newest of all. */
export type LatestPartial = { gpuId: string; seenAtMs: number; atMs: number[]; value: number[] };

/** A batch's samples aggregated as the fold would: its 1-minute rollup rows and latest values, per GPU. */
export type FoldPartials = { samples: number; minutes: MinutePartial[]; latest: LatestPartial[] };

const MINUTE_MS = 60_000;

/**
 * Aggregates samples that are all new (none stored before, none twice in the
 * batch) into what the fold merges into GpuRollupMinute and GpuLatestReadings.
 * Only valid for such a batch: a sample counted here that was already stored
 * would be counted twice. Times are whole milliseconds, as stored.
 */
export function aggregateForFold(cols: SampleColumns): FoldPartials {
  const minutes = new Map<string, Map<number, MinutePartial>>();
  const latest = new Map<string, LatestPartial>();
  let lastGpu = "";
  let lastMinutes: Map<number, MinutePartial> | undefined;
  let lastLatest: LatestPartial | undefined;
  let lastBucket = NaN;
  let lastPartial: MinutePartial | undefined;
  for (let i = 0; i < cols.gpuIds.length; i++) {
    const gpuId = cols.gpuIds[i]!;
    const at = Math.round(cols.atMs[i]!);
    const v = cols.values[i]!;
    const f = cols.fieldIds[i]! - 1;
    // A page lists one metric for every GPU, then the next: consecutive samples
    // mostly share a GPU only in per-GPU batches, so both lookups are cached.
    if (gpuId !== lastGpu) {
      lastGpu = gpuId;
      lastMinutes = minutes.get(gpuId);
      if (!lastMinutes) minutes.set(gpuId, (lastMinutes = new Map()));
      lastLatest = latest.get(gpuId);
      if (!lastLatest) latest.set(gpuId, (lastLatest = { gpuId, seenAtMs: at, atMs: [], value: [] }));
      lastBucket = NaN;
    }
    const bucketMs = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    if (bucketMs !== lastBucket) {
      lastBucket = bucketMs;
      lastPartial = lastMinutes!.get(bucketMs);
      if (!lastPartial)
        lastMinutes!.set(bucketMs, (lastPartial = { gpuId, bucketMs, min: [], max: [], sum: [], count: [] }));
    }
    const p = lastPartial!;
    if (p.count[f] === undefined) {
      p.min[f] = v;
      p.max[f] = v;
      p.sum[f] = v;
      p.count[f] = 1;
    } else {
      if (v < p.min[f]!) p.min[f] = v;
      if (v > p.max[f]!) p.max[f] = v;
      p.sum[f]! += v;
      p.count[f]!++;
    }
    const l = lastLatest!;
    if (l.atMs[f] === undefined || at > l.atMs[f]!) {
      l.atMs[f] = at;
      l.value[f] = v;
    }
    if (at > l.seenAtMs) l.seenAtMs = at;
  }
  return {
    samples: cols.gpuIds.length,
    minutes: [...minutes.values()].flatMap((m) => [...m.values()]),
    latest: [...latest.values()],
  };
}

/**
 * Splits partials into parts of at most `maxGpus` GPUs each (a GPU's rows stay
 * together), with how many samples each part covers, so draining one queued
 * part stays a short transaction however big the batch was.
 */
export function splitPartials(partials: FoldPartials, maxGpus: number): FoldPartials[] {
  if (partials.latest.length <= maxGpus) return [partials];
  const partOf = new Map<string, number>();
  const parts: FoldPartials[] = [];
  partials.latest.forEach((l, i) => {
    const k = Math.floor(i / maxGpus);
    partOf.set(l.gpuId, k);
    (parts[k] ??= { samples: 0, minutes: [], latest: [] }).latest.push(l);
  });
  for (const m of partials.minutes) {
    const part = parts[partOf.get(m.gpuId)!]!;
    part.minutes.push(m);
    for (const n of m.count) if (n !== undefined) part.samples += n;
  }
  return parts;
}
