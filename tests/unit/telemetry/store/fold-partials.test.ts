// What ingest pre-aggregates for the fold must be what the fold would have
// made of the raw samples: checked against a plain per-sample reference over
// random batches (GPUs, fields and times in any order, times across minute
// edges and before 1970).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateForFold, splitPartials, type FoldPartials } from "../../../../lib/telemetry/store/fold-partials";
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

  it("splits into parts of at most n GPUs that keep each GPU's rows together and cover every sample once", () => {
    fc.assert(
      fc.property(batches, fc.integer({ min: 1, max: 4 }), (cols, maxGpus) => {
        const whole = aggregateForFold(cols);
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
