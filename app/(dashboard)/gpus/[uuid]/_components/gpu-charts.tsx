import { TimeSeriesChart, type TimeSeriesChartProps } from "@/components/charts/time-series-chart";
import type { SeriesColour } from "@/components/charts/chart-theme";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { readingFields } from "@/lib/telemetry/views/latest";
import type { SeriesOut } from "@/lib/telemetry/schemas";
import { getGpuSeries } from "@/lib/telemetry/views/series";
import type { ChartRange } from "./chart-ranges";
import { chartRanges, rangeWindow } from "./chart-ranges";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

type ChartSpec = {
  key: string;
  title: string;
  metric: string;
  unit: string;
  colour: SeriesColour;
  axis: Pick<TimeSeriesChartProps, "yMin" | "yMax" | "suggestedYMax" | "decimals" | "threshold">;
};

function chartSpecs(memoryMiB: number, degradedTempC: number): ChartSpec[] {
  return [
    {
      key: "util",
      title: "Utilisation",
      metric: readingFields.utilPct,
      unit: "%",
      colour: "sky",
      axis: { yMin: 0, yMax: 100 },
    },
    {
      key: "memory",
      title: "Memory used",
      metric: readingFields.memUsedMiB,
      unit: "MiB",
      colour: "violet",
      axis: {
        yMin: 0,
        suggestedYMax: memoryMiB,
        threshold: {
          value: memoryMiB,
          label: `${formatNumber(memoryMiB, untranslatedLocale, 3)} MiB total`,
          tone: "neutral",
        },
      },
    },
    {
      key: "temperature",
      title: "Temperature",
      metric: readingFields.tempC,
      unit: "°C",
      colour: "amber",
      axis: {
        suggestedYMax: degradedTempC + 5,
        threshold: { value: degradedTempC, label: `degraded > ${degradedTempC} °C`, tone: "bad" },
      },
    },
    { key: "power", title: "Power", metric: readingFields.powerW, unit: "W", colour: "emerald", axis: { yMin: 0 } },
  ];
}

const sourceLabel: Record<SeriesOut["source"], string> = {
  raw: "raw samples",
  "1m": "1-minute rollups",
  "1h": "1-hour rollups",
};

function stepLabel(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function ChartCard({ spec, series }: { spec: ChartSpec; series: SeriesOut }) {
  return (
    <Card
      title={spec.title}
      description={<span className="font-mono text-[11px]">{spec.metric}</span>}
      actions={
        <span
          data-testid={`chart-${spec.key}-source`}
          data-source={series.source}
          title={`One point per ${stepLabel(series.step)}, from ${sourceLabel[series.source]}`}
        >
          <Badge tone={series.source === "raw" ? "info" : "accent"}>
            {series.source} · {stepLabel(series.step)}
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

/**
 * The four headline fields over the chosen range, fetched here on the server
 * (one series query each) and handed to the chart islands as plain arrays.
 */
export async function GpuCharts({
  uuid,
  memoryMiB,
  degradedTempC,
  range,
}: {
  uuid: string;
  memoryMiB: number;
  degradedTempC: number;
  range: ChartRange;
}) {
  const span = rangeWindow(range, new Date());
  const specs = chartSpecs(memoryMiB, degradedTempC);
  const series = await Promise.all(specs.map((s) => getGpuSeries(uuid, { metric: s.metric, ...span })));
  const isEmpty = series.every((s) => s.points.length === 0);
  return (
    <div className="space-y-3">
      {isEmpty && (
        <p
          className="rounded-md border border-slate-800 bg-slate-900/40 px-3 py-2 text-[13px] text-slate-400"
          role="status"
        >
          This GPU sent no samples in the last {chartRanges[range].label}. Pick a longer range to see older telemetry.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {specs.map((spec, i) => (
          <ChartCard key={spec.key} spec={spec} series={series[i]!} />
        ))}
      </div>
    </div>
  );
}

/** The charts' shape while their series load, so the page does not jump when they arrive. */
export function GpuChartsSkeleton() {
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-busy="true" aria-label="Loading charts">
      {["Utilisation", "Memory used", "Temperature", "Power"].map((title) => (
        <Card key={title} title={title}>
          <div className="h-[180px] animate-pulse rounded-md bg-slate-800/40" />
        </Card>
      ))}
    </div>
  );
}
