import { getLocale, getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { TimeSeriesChart, type TimeSeriesChartProps } from "@/components/charts/time-series-chart";
import type { SeriesColour } from "@/components/charts/chart-theme";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { readingFields } from "@/lib/telemetry/views/latest";
import type { SeriesOut } from "@/lib/telemetry/schemas";
import { getGpuSeries } from "@/lib/telemetry/views/series";
import { AppError } from "@/lib/errors";
import type { ChartRange, ChartSource } from "./chart-ranges";
import { rangeWindow } from "./chart-ranges";
import { formatInterval, formatNumber, formatTempC } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

type ChartSpec = {
  key: string;
  title: string;
  metric: string;
  unit: string;
  colour: SeriesColour;
  axis: Pick<TimeSeriesChartProps, "yMin" | "yMax" | "suggestedYMax" | "decimals" | "threshold">;
};

function chartSpecs(memoryMiB: number, degradedTempC: number, t: Translate, locale: Locale): ChartSpec[] {
  return [
    {
      key: "util",
      title: t("utilisation"),
      metric: readingFields.utilPct,
      unit: "%",
      colour: "sky",
      axis: { yMin: 0, yMax: 100 },
    },
    {
      key: "memory",
      title: t("memoryUsed"),
      metric: readingFields.memUsedMiB,
      unit: "MiB",
      colour: "violet",
      axis: {
        yMin: 0,
        suggestedYMax: memoryMiB,
        threshold: {
          value: memoryMiB,
          label: t("memoryTotal", { total: formatNumber(memoryMiB, locale, 3) }),
          tone: "neutral",
        },
      },
    },
    {
      key: "temperature",
      title: t("temperature"),
      metric: readingFields.tempC,
      unit: "°C",
      colour: "amber",
      axis: {
        suggestedYMax: degradedTempC + 5,
        threshold: {
          value: degradedTempC,
          label: t("degradedAbove", { temp: formatTempC(degradedTempC, locale) }),
          tone: "bad",
        },
      },
    },
    { key: "power", title: t("power"), metric: readingFields.powerW, unit: "W", colour: "emerald", axis: { yMin: 0 } },
  ];
}

function ChartCard({ spec, series, locale }: { spec: ChartSpec; series: SeriesOut; locale: Locale }) {
  const t = useTranslations("gpus.chart");
  const step = formatInterval(series.step, locale);
  return (
    <Card
      title={spec.title}
      description={<span className="font-mono text-[11px]">{spec.metric}</span>}
      actions={
        <span
          data-testid={`chart-${spec.key}-source`}
          data-source={series.source}
          title={t("onePointPer", { step, source: t(`source.${series.source}`) })}
        >
          <Badge tone={series.source === "raw" ? "info" : "accent"}>
            {t(`badge.${series.source}`)} · {step}
          </Badge>
        </span>
      }
    >
      <TimeSeriesChart
        label={spec.title}
        unit={spec.unit}
        points={series.points}
        min={series.min}
        max={series.max}
        from={series.from}
        to={series.to}
        stepSeconds={series.step}
        colour={spec.colour}
        testId={`chart-${spec.key}`}
        {...spec.axis}
      />
    </Card>
  );
}

/** A series, or why the source could not give it (Prometheus down, slow or refusing): said in the card, never drawn as empty. */
type SeriesOrFailure = { series: SeriesOut } | { failure: string };

async function readSeries(uuid: string, q: Parameters<typeof getGpuSeries>[1]): Promise<SeriesOrFailure> {
  try {
    return { series: await getGpuSeries(uuid, q) };
  } catch (err) {
    // Only the failures a source reports (502, 504, 409) are the card's to tell; anything else is a fault of ours.
    if (err instanceof AppError && ["bad_gateway", "gateway_timeout", "conflict"].includes(err.code))
      return { failure: err.message };
    throw err;
  }
}

function FailedCard({ spec, reason }: { spec: ChartSpec; reason: string }) {
  const t = useTranslations("gpus.chart");
  return (
    <Card title={spec.title} description={<span className="font-mono text-[11px]">{spec.metric}</span>}>
      <p
        role="status"
        data-testid={`chart-${spec.key}-failed`}
        className="flex h-[180px] items-center justify-center rounded-md border border-amber-900/60 bg-amber-950/20 px-4 text-center text-[13px] text-amber-200"
      >
        {t("sourceFailed", { reason })}
      </p>
    </Card>
  );
}

/**
 * The four headline fields over the chosen range, fetched here on the server
 * (one series query each) and handed to the chart islands as plain arrays.
 */
export async function GpuCharts({
  uuid,
  memoryMiB,
  degradedTempC,
  range,
  source = "rackmind",
}: {
  uuid: string;
  memoryMiB: number;
  degradedTempC: number;
  range: ChartRange;
  source?: ChartSource;
}) {
  const span = rangeWindow(range, new Date());
  const [t, tr, locale] = await Promise.all([
    getTranslations("gpus.chart"),
    getTranslations("gpus.ranges"),
    getLocale().then(asLocale),
  ]);
  const specs = chartSpecs(memoryMiB, degradedTempC, t, locale);
  const results = await Promise.all(
    specs.map((s) => readSeries(uuid, { metric: s.metric, ...span, ...(source === "prometheus" ? { source } : {}) })),
  );
  const isEmpty = results.every((r) => "series" in r && r.series.points.length === 0);
  return (
    <div className="space-y-3">
      {isEmpty && (
        <p
          className="rounded-md border border-slate-800 bg-slate-900/40 px-3 py-2 text-[13px] text-slate-400"
          role="status"
        >
          {t(source === "prometheus" ? "noSamplesPrometheus" : "noSamples", { range: tr(range) })}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {specs.map((spec, i) => {
          const r = results[i]!;
          return "series" in r ? (
            <ChartCard key={spec.key} spec={spec} series={r.series} locale={locale} />
          ) : (
            <FailedCard key={spec.key} spec={spec} reason={r.failure} />
          );
        })}
      </div>
    </div>
  );
}

/** The charts' shape while their series load, so the page does not jump when they arrive. */
export function GpuChartsSkeleton() {
  const t = useTranslations("gpus.chart");
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-busy="true" aria-label={t("loading")}>
      {(["utilisation", "memoryUsed", "temperature", "power"] as const).map((key) => (
        <Card key={key} title={t(key)}>
          <div className="h-[180px] animate-pulse rounded-md bg-slate-800/40" />
        </Card>
      ))}
    </div>
  );
}
