// What ingest pre-aggregates for the fold must be what the fold would have
// made of the raw samples: checked against a plain per-sample reference over
// random batches (GPUs, fields and times in any order, times across minute
// edges and before 1970).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateForFold,
  markSingleScrapes,
  splitPartials,
  type FoldPartials,
} from "../../../../lib/telemetry/store/fold-partials";
import type { SampleColumns } from "../../../../lib/telemetry/store/sample-store";

const GPUS = [
  "00000000-0000-4000-8000-000000000001",
  "00000000-0000-4000-8000-000000000002",
  "00000000-0000-4000-8000-000000000003",
];

// Distinct (GPU, field, time) triples, as a COPY that succeeded guarantees.
const batches = fc
  .uniqueArray(
    fc.record({
      gpu: fc.constantFrom(...GPUS),
      field: fc.integer({ min: 1, max: 12 }),
      atMs: fc.integer({ min: -200_000, max: 400_000 }),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    }),
    { selector: (s) => `${s.gpu}|${s.field}|${s.atMs}`, minLength: 1, maxLength: 300 },
  )
  .map((samples): SampleColumns => ({
    gpuIds: samples.map((s) => s.gpu),
    fieldIds: samples.map((s) => s.field),
    atMs: samples.map((s) => s.atMs),
    values: samples.map((s) => s.value),
  }));

// Scrape-like batches: each GPU sends some fields once at one time, and some
// GPUs a second scrape (at another time, maybe in another minute).
const scrapes = fc
  .array(
    fc.record({
      gpu: fc.constantFrom(...GPUS),
      fields: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
      atMs: fc.integer({ min: -200_000, max: 400_000 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((list): SampleColumns => {
    const cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
    const seen = new Set<string>();
    for (const [i, s] of list.entries())
      for (const f of s.fields) {
        if (seen.has(`${s.gpu}|${f}|${s.atMs}`)) continue; // a COPY that succeeded holds no sample twice
        seen.add(`${s.gpu}|${f}|${s.atMs}`);
        cols.gpuIds.push(s.gpu);
        cols.fieldIds.push(f);
        cols.atMs.push(s.atMs);
        cols.values.push(i * 100 + f);
      }
    return cols;
  });

type Cell = { min: number; max: number; sum: number; count: number };

function reference(cols: SampleColumns) {
  const minutes = new Map<string, Cell>();
  const latest = new Map<string, { at: number; value: number }>();
  const seen = new Map<string, number>();
  cols.gpuIds.forEach((gpu, i) => {
    const [f, at, v] = [cols.fieldIds[i]!, cols.atMs[i]!, cols.values[i]!];
    const key = `${gpu}|${Math.floor(at / 60_000) * 60_000}|${f}`;
    const c = minutes.get(key);
    if (!c) minutes.set(key, { min: v, max: v, sum: v, count: 1 });
    else Object.assign(c, { min: Math.min(c.min, v), max: Math.max(c.max, v), sum: c.sum + v, count: c.count + 1 });
    const l = latest.get(`${gpu}|${f}`);
    if (!l || at > l.at) latest.set(`${gpu}|${f}`, { at, value: v });
    seen.set(gpu, Math.max(seen.get(gpu) ?? -Infinity, at));
  });
  return { minutes, latest, seen };
}

function cellsOf(p: FoldPartials) {
  const minutes = new Map<string, Cell>();
  // A single scrape's minute row, as the fold rebuilds it from its latest row.
  for (const l of p.latest)
    if (l.singleScrape)
      l.value.forEach((v, f) =>
        minutes.set(`${l.gpuId}|${Math.floor(l.seenAtMs / 60_000) * 60_000}|${f + 1}`, {
          min: v,
          max: v,
          sum: v,
          count: 1,
        }),
      );
  for (const m of p.minutes)
    m.count.forEach((n, f) => {
      if (n !== undefined)
        minutes.set(`${m.gpuId}|${m.bucketMs}|${f + 1}`, { min: m.min[f]!, max: m.max[f]!, sum: m.sum[f]!, count: n });
    });
  const latest = new Map<string, { at: number; value: number }>();
  for (const l of p.latest)
    l.atMs.forEach((at, f) => {
      if (at !== undefined) latest.set(`${l.gpuId}|${f + 1}`, { at, value: l.value[f]! });
    });
  return { minutes, latest, seen: new Map(p.latest.map((l) => [l.gpuId, l.seenAtMs])) };
}

const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe("aggregateForFold", () => {
  it("gives the fold's minute rollups and latest values of a batch of new samples", () => {
    fc.assert(
      fc.property(batches, (cols) => {
        const p = aggregateForFold(cols);
        const got = cellsOf(p);
        const want = reference(cols);
        expect(p.samples).toBe(cols.gpuIds.length);
        // Both add in batch order, so even the sums match to the last bit.
        expect(sorted(got.minutes)).toEqual(sorted(want.minutes));
        expect(sorted(got.latest)).toEqual(sorted(want.latest));
        expect(sorted(got.seen)).toEqual(sorted(want.seen));
        // One row per GPU and minute, one per GPU.
        expect(new Set(p.minutes.map((m) => `${m.gpuId}|${m.bucketMs}`)).size).toBe(p.minutes.length);
        expect(new Set(p.latest.map((l) => l.gpuId)).size).toBe(p.latest.length);
      }),
    );
  });

  it("marks a GPU whose batch was one scrape and drops its minute row, losing nothing", () => {
    fc.assert(
      fc.property(fc.oneof(batches, scrapes), (cols) => {
        const whole = aggregateForFold(cols);
        const marked = markSingleScrapes(whole);
        expect(sorted(cellsOf(marked).minutes)).toEqual(sorted(cellsOf(whole).minutes));
        expect(sorted(cellsOf(marked).latest)).toEqual(sorted(cellsOf(whole).latest));
        for (const l of marked.latest) {
          const rows = whole.minutes.filter((m) => m.gpuId === l.gpuId);
          const oneScrape = rows.length === 1 && rows[0]!.count.every((n) => n === 1);
          expect(l.singleScrape === true, l.gpuId).toBe(oneScrape);
          expect(marked.minutes.some((m) => m.gpuId === l.gpuId)).toBe(!oneScrape);
        }
      }),
    );
  });

  it("leaves no minute row for a batch that is one scrape of every GPU", () => {
    const cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
    for (const gpu of GPUS)
      for (const f of [1, 2, 4]) {
        cols.gpuIds.push(gpu);
        cols.fieldIds.push(f);
        cols.atMs.push(90_000);
        cols.values.push(f);
      }
    const marked = markSingleScrapes(aggregateForFold(cols));
    expect(marked.minutes).toEqual([]);
    expect(marked.latest.map((l) => l.singleScrape)).toEqual([true, true, true]);
    expect(splitPartials(marked, 2).reduce((n, p) => n + p.samples, 0)).toBe(9);
  });

  it("splits into parts of at most n GPUs that keep each GPU's rows together and cover every sample once", () => {
    fc.assert(
      fc.property(fc.oneof(batches, scrapes), fc.integer({ min: 1, max: 4 }), fc.boolean(), (cols, maxGpus, mark) => {
        const whole = mark ? markSingleScrapes(aggregateForFold(cols)) : aggregateForFold(cols);
        const parts = splitPartials(whole, maxGpus);
        expect(parts.reduce((n, p) => n + p.samples, 0)).toBe(cols.gpuIds.length);
        for (const part of parts) {
          const gpus = new Set(part.latest.map((l) => l.gpuId));
          expect(gpus.size).toBeLessThanOrEqual(maxGpus);
          expect(part.minutes.every((m) => gpus.has(m.gpuId))).toBe(true);
        }
        expect(parts.flatMap((p) => p.minutes)).toHaveLength(whole.minutes.length);
      }),
    );
  });
});
