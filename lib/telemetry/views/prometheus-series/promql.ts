import { z } from "zod";

/**
 * The PromQL side of reading a GPU's series from a Prometheus-compatible
 * server: the selector, the range queries and the answer, with no I/O (the
 * unit tests check them as they are).
 *
 * Rackmind's own series (views/series.ts) puts each sample in the bucket
 * [b, b + step) with b aligned to the Unix epoch, labels the point b and
 * leaves out buckets without samples. The queries here reproduce that:
 * `<agg>_over_time` over a window of one step evaluated at b + step − 1 ms,
 * so a window with no sample gives no point (a plain selector would repeat the
 * last sample for 5 minutes of lookback instead).
 */

export type SeriesAggregate = "avg" | "min" | "max";

/** A PromQL string literal: Go's syntax, so backslash, quote and control characters are escaped. */
export function quotePromqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === '"') out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * The series of one GPU's field as dcgm-exporter labels it (`UUID`). The name
 * is matched through `__name__` rather than written as `metric{…}`, so a name
 * that is also a PromQL keyword (`offset`, `by`, `bool`) cannot change the query.
 */
export function gpuSelector(metric: string, uuid: string): string {
  return `{__name__=${quotePromqlString(metric)},UUID=${quotePromqlString(uuid)}}`;
}

/**
 * `<agg>(<agg>_over_time(sel[step − 1 ms]))`. The window: Prometheus 2.x
 * ranges are closed, [t − r, t], so r = step − 1 ms evaluated at
 * t = b + step − 1 ms is exactly [b, b + step) at Prometheus's millisecond
 * resolution. (Prometheus 3 made ranges left-open, (t − r, t]: there a sample
 * stamped exactly on a bucket's first millisecond is left out.) The outer
 * aggregation folds the GPU's series into one: the same GPU can be several
 * series (two jobs scraping one exporter, a `pod` label that changed), and
 * `avg` of per-series averages weights series rather than samples — the same
 * when there is one series at a time, as usual.
 */
export function seriesQuery(agg: SeriesAggregate, selector: string, stepSeconds: number): string {
  return `${agg}(${agg}_over_time(${selector}[${stepSeconds * 1000 - 1}ms]))`;
}

/** The query_range parameters (seconds, as Prometheus takes them) that evaluate each bucket from `fromMs` to `toMs`. */
export function planRange(
  fromMs: number,
  toMs: number,
  stepSeconds: number,
): { start: string; end: string; step: string } {
  const stepMs = stepSeconds * 1000;
  // The same epoch-aligned buckets as date_bin in views/series.ts: the first holds `from`, the last holds `to` − 1 ms.
  const first = Math.floor(fromMs / stepMs) * stepMs;
  const last = Math.floor((toMs - 1) / stepMs) * stepMs;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  return { start: seconds(first + stepMs - 1), end: seconds(last + stepMs - 1), step: String(stepSeconds) };
}

/** The only answer accepted: a successful matrix. Anything else is the server's fault, said without its words. */
export const QueryRangeAnswer = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("matrix"),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        values: z.array(z.tuple([z.number(), z.string()])),
      }),
    ),
  }),
});
export type QueryRangeAnswer = z.infer<typeof QueryRangeAnswer>;

/**
 * The answer's samples as [bucket start, value] points, in time order. Values
 * Prometheus spells "NaN", "+Inf" or "-Inf" are left out, like a step without
 * data: Rackmind's own store refuses non-finite samples, and JSON cannot carry them.
 */
export function toPoints(answer: QueryRangeAnswer, stepSeconds: number): [string, number][] {
  const points: [number, number][] = [];
  for (const series of answer.data.result) {
    for (const [t, raw] of series.values) {
      const value = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(value)) continue;
      // Evaluated at b + step − 1 ms (planRange): the point is labelled b, as Rackmind's own series are.
      points.push([Math.round(t * 1000) + 1 - stepSeconds * 1000, value]);
    }
  }
  points.sort((a, b) => a[0] - b[0]);
  return points.map(([ms, value]) => [new Date(ms).toISOString(), value]);
}
