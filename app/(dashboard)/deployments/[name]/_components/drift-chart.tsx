import { useLocale, useTranslations } from "next-intl";
import { MinuteSeriesChart, type MinuteSeries } from "@/components/charts/minute-series-chart";
import type { DriftSeries } from "@/lib/deployments/drift-series";
import { formatFixed, formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { GpuEventsOut } from "@/lib/models/schemas";

const COLOURS = ["#34d399", "#60a5fa", "#fbbf24", "#c084fc", "#f472b6", "#22d3ee"];
const SHOWN = 6;

/**
 * PSI per feature over the window (the most drifting few), the 0.1 and 0.25
 * band lines, and the placement servers' GPU events as markers on the same
 * time axis: a fault that lines up with a change in answers is not drift.
 */
export function DriftChart({
  series,
  events,
  from,
  to,
}: {
  series: DriftSeries;
  events: GpuEventsOut | null;
  from: string;
  to: string;
}) {
  const t = useTranslations("deployments.charts");
  const locale = asLocale(useLocale());
  const peak = (f: string) => Math.max(0, ...series.buckets.map((b) => b.psi?.[f] ?? 0));
  const features = [...series.features].sort((a, b) => peak(b) - peak(a)).slice(0, SHOWN);
  const lines: MinuteSeries[] = features.map((f, i) => ({
    label: f,
    colour: COLOURS[i % COLOURS.length]!,
    points: series.buckets.map((b) => [b.from, b.psi?.[f] ?? null]),
  }));
  const known = series.buckets.filter((b) => b.psi !== null);
  if (known.length > 0)
    for (const [label, y] of [
      [t("moderateLine"), 0.1],
      [t("driftedLine"), 0.25],
    ] as const)
      lines.push({ label, colour: "#64748b", dash: [4, 4], points: series.buckets.map((b) => [b.from, y]) });
  const markers = (events?.events ?? []).map((e) => ({
    at: e.from,
    label: `${e.hostname ?? e.uuid}: ${e.text}`,
  }));
  const top = features[0];
  // series.unknown is lib/'s reason in English, shown as it comes until lib/ gives codes.
  const summary =
    known.length === 0
      ? (series.unknown ?? t("driftNoData"))
      : t("driftSummary", {
          parts: formatNumber(series.buckets.length, locale),
          known: formatNumber(known.length, locale),
          top: top!,
          peak: formatFixed(peak(top!), 2, locale),
          events: markers.length,
        });
  return (
    <MinuteSeriesChart
      series={known.length ? lines : []}
      markers={markers}
      from={from}
      to={to}
      unit="PSI"
      decimals={2}
      summary={summary}
      emptyText={summary}
      height={160}
      testId="drift-chart"
    />
  );
}
