// The ranges the GPU page offers, each with a step that lands on the table
// that serves it best (getGpuSeries picks raw samples for sub-minute steps,
// minute rollups for whole minutes, hour rollups for whole hours) and keeps a
// chart at 90-300 points: enough detail, small enough to send to the browser.
// Their names in words are the catalogue's (gpus.ranges).

export const chartRanges = {
  "15m": { seconds: 15 * 60, stepSeconds: 10 },
  "1h": { seconds: 3600, stepSeconds: 30 },
  "6h": { seconds: 6 * 3600, stepSeconds: 120 },
  "24h": { seconds: 24 * 3600, stepSeconds: 300 },
  "7d": { seconds: 7 * 86_400, stepSeconds: 3600 },
} as const;

export type ChartRange = keyof typeof chartRanges;
export const DEFAULT_RANGE: ChartRange = "1h";

export function isChartRange(value: string | undefined): value is ChartRange {
  return value !== undefined && Object.hasOwn(chartRanges, value);
}

/** The window ending at `now` for `range`, as the series query wants it. */
export function rangeWindow(range: ChartRange, now: Date): { from: string; to: string; step: number } {
  const r = chartRanges[range];
  return { from: new Date(now.getTime() - r.seconds * 1000).toISOString(), to: now.toISOString(), step: r.stepSeconds };
}

/** Where the charts read from: Rackmind's own samples and rollups, or the operators' Prometheus (raw samples, over its HTTP API). */
export type ChartSource = "rackmind" | "prometheus";

/** The source asked for in the URL, if it can be served: Prometheus only once an admin has set prometheusUrl. */
export function chartSource(requested: string | undefined, prometheusUrl: string | null): ChartSource {
  return requested === "prometheus" && prometheusUrl ? "prometheus" : "rackmind";
}

/** The URL parameters of a chart view (the default source is left out, so plain links stay plain). */
export function chartParams(range: ChartRange, source: ChartSource): Record<string, string | undefined> {
  return { range, source: source === "prometheus" ? source : undefined };
}
