// A deployment's per-minute figures as chart lines and their text
// alternatives: one line per version (colour by role), latency as p50/p95/p99
// per version (dash by percentile). Pure, so the sentences a screen reader
// hears are tested like any other figure.

import type { SeriesColour } from "@/components/charts/chart-theme";
import type { MinuteSeries } from "@/components/charts/minute-series-config";
import { formatCount, formatMs } from "../../_components/deployment-format";

type Role = "stable" | "canary" | "previous";
type Point = {
  minute: string;
  requests: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
};
export type VersionSeries = { version: number; role: Role; points: Point[] };

// Series colour names: the chart draws them in the theme in use.
const roleColour: Record<Role, SeriesColour> = { stable: "sky", canary: "amber", previous: "violet" };

const percentiles = [
  { key: "p50", dash: [2, 3] },
  { key: "p95", dash: [] },
  { key: "p99", dash: [6, 3] },
] as const;

const nameOf = (s: VersionSeries) => `v${s.version} ${s.role}`;

export type TrafficCharts = Record<"requests" | "errors" | "latency", { series: MinuteSeries[]; summary: string }>;

function countSummary(what: string, all: VersionSeries[], pick: (p: Point) => number, minutes: number): string {
  if (all.length === 0) return `${what} per minute: no requests in the last ${minutes} min`;
  const parts = all.map((s) => {
    const total = s.points.reduce((n, p) => n + pick(p), 0);
    const latest = s.points.at(-1);
    return `${nameOf(s)} ${formatCount(total)} ${what.toLowerCase()} in all, ${formatCount(latest ? pick(latest) : 0)} in its latest minute`;
  });
  return `${what} per minute over the last ${minutes} min: ${parts.join("; ")}`;
}

function latencySummary(all: VersionSeries[], minutes: number): string {
  if (all.length === 0) return `Latency per minute: no requests in the last ${minutes} min`;
  const parts = all.map((s) => {
    const latest = s.points.findLast((p) => p.p95 !== null);
    if (!latest) return `${nameOf(s)} no latency measured`;
    const fmt = (v: number | null) => (v === null ? "—" : formatMs(v));
    return `${nameOf(s)} latest minute p50 ${fmt(latest.p50)}, p95 ${fmt(latest.p95)}, p99 ${fmt(latest.p99)}`;
  });
  return `Latency per minute over the last ${minutes} min: ${parts.join("; ")}`;
}

/** The three charts of a deployment's traffic over a window of `minutes`. */
export function trafficCharts(all: VersionSeries[], minutes: number): TrafficCharts {
  const line = (s: VersionSeries, label: string, pick: (p: Point) => number | null, dash?: number[]) => ({
    label,
    colour: roleColour[s.role],
    dash,
    points: s.points.map((p): [string, number | null] => [p.minute, pick(p)]),
  });
  return {
    requests: {
      series: all.map((s) => line(s, nameOf(s), (p) => p.requests)),
      summary: countSummary("Requests", all, (p) => p.requests, minutes),
    },
    errors: {
      series: all.map((s) => line(s, nameOf(s), (p) => p.errors)),
      summary: countSummary("Errors", all, (p) => p.errors, minutes),
    },
    latency: {
      series: all.flatMap((s) =>
        percentiles.map((q) => line(s, `${nameOf(s)} ${q.key}`, (p) => p[q.key], [...q.dash])),
      ),
      summary: latencySummary(all, minutes),
    },
  };
}
