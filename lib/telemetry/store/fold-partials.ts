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

/**
 * One GPU's newest sample of each field in a batch (index = field id − 1), and
 * the newest of all. `singleScrape`: the batch held exactly one sample of each
 * of these fields, all in seenAt's minute, so this row is also the GPU's minute
 * rollup row (min = max = sum = value, count 1) and none is queued for it.
 */
export type LatestPartial = {
  gpuId: string;
  seenAtMs: number;
  atMs: number[];
  value: number[];
  singleScrape?: boolean;
};

/** A batch's samples aggregated as the fold would: its 1-minute rollup rows and latest values, per GPU. */
export type FoldPartials = { samples: number; minutes: MinutePartial[]; latest: LatestPartial[] };

const MINUTE_MS = 60_000;

/** How many elements of a sparse array are present (not holes). */
export function presentCount(a: number[]): number {
  let present = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== undefined) present++;
  return present;
}

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
 * Drops the minute row of every GPU whose batch was one scrape — one sample of
 * each field, all in one minute — and marks its latest row instead, which then
 * holds everything the minute row did (the fold rebuilds it from the values).
 * That is the usual batch: an agent posts each scrape as it comes, so ingest
 * sends and the fold deletes half the pre-aggregated bytes (the minute row's
 * four arrays), and writes half the write-ahead log for them.
 */
export function markSingleScrapes(p: FoldPartials): FoldPartials {
  const minutesOf = new Map<string, MinutePartial[]>();
  for (const m of p.minutes) {
    const list = minutesOf.get(m.gpuId);
    if (list) list.push(m);
    else minutesOf.set(m.gpuId, [m]);
  }
  const single = new Set<string>();
  for (const [gpuId, list] of minutesOf)
    if (list.length === 1 && list[0]!.count.every((n) => n === 1)) single.add(gpuId);
  if (single.size === 0) return p;
  return {
    samples: p.samples,
    minutes: p.minutes.filter((m) => !single.has(m.gpuId)),
    latest: p.latest.map((l) => (single.has(l.gpuId) ? { ...l, singleScrape: true } : l)),
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
    const part = (parts[k] ??= { samples: 0, minutes: [], latest: [] });
    part.latest.push(l);
    // A single scrape's samples are counted here: it has no minute row.
    if (l.singleScrape) part.samples += presentCount(l.atMs);
  });
  for (const m of partials.minutes) {
    const part = parts[partOf.get(m.gpuId)!]!;
    part.minutes.push(m);
    for (const n of m.count) if (n !== undefined) part.samples += n;
  }
  return parts;
}
