// A deployment's per-minute figures as chart lines and their text
// alternatives: one line per version (colour by role), latency as p50/p95/p99
// per version (dash by percentile). Pure, so the sentences a screen reader
// hears are tested like any other figure.

import type { SeriesColour } from "@/components/charts/chart-theme";
import type { MinuteSeries } from "@/components/charts/minute-series-config";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatCount, formatMs, versionTag } from "../../_components/deployment-format";

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

/** `t` bound to deployments.charts, `role` to deployments.role, and the locale numbers are written in. */
export type ChartWords = { t: Translate; role: Translate; locale: Locale };

const nameOf = (s: VersionSeries, w: ChartWords) => `${versionTag(s.version)} ${w.role(s.role)}`;

export type TrafficCharts = Record<"requests" | "errors" | "latency", { series: MinuteSeries[]; summary: string }>;

function countSummary(
  what: "requests" | "errors",
  all: VersionSeries[],
  pick: (p: Point) => number,
  minutes: number,
  w: ChartWords,
): string {
  if (all.length === 0) return w.t(`${what}Empty`, { minutes });
  const parts = all.map((s) => {
    const total = s.points.reduce((n, p) => n + pick(p), 0);
    const latest = s.points.at(-1);
    return w.t(`${what}Part`, {
      name: nameOf(s, w),
      total,
      latest: formatCount(latest ? pick(latest) : 0, w.locale),
    });
  });
  return w.t(what, { minutes, parts: parts.join(w.t("separator")) });
}

function latencySummary(all: VersionSeries[], minutes: number, w: ChartWords): string {
  if (all.length === 0) return w.t("latencyEmpty", { minutes });
  const parts = all.map((s) => {
    const latest = s.points.findLast((p) => p.p95 !== null);
    if (!latest) return w.t("latencyNone", { name: nameOf(s, w) });
    const fmt = (v: number | null) => (v === null ? "—" : formatMs(v, w.locale));
    return w.t("latencyPart", { name: nameOf(s, w), p50: fmt(latest.p50), p95: fmt(latest.p95), p99: fmt(latest.p99) });
  });
  return w.t("latency", { minutes, parts: parts.join(w.t("separator")) });
}

/** The three charts of a deployment's traffic over a window of `minutes`. */
export function trafficCharts(all: VersionSeries[], minutes: number, w: ChartWords): TrafficCharts {
  const line = (s: VersionSeries, label: string, pick: (p: Point) => number | null, dash?: number[]) => ({
    label,
    colour: roleColour[s.role],
    dash,
    points: s.points.map((p): [string, number | null] => [p.minute, pick(p)]),
  });
  return {
    requests: {
      series: all.map((s) => line(s, nameOf(s, w), (p) => p.requests)),
      summary: countSummary("requests", all, (p) => p.requests, minutes, w),
    },
    errors: {
      series: all.map((s) => line(s, nameOf(s, w), (p) => p.errors)),
      summary: countSummary("errors", all, (p) => p.errors, minutes, w),
    },
    latency: {
      series: all.flatMap((s) =>
        percentiles.map((q) => line(s, `${nameOf(s, w)} ${q.key}`, (p) => p[q.key], [...q.dash])),
      ),
      summary: latencySummary(all, minutes, w),
    },
  };
}
