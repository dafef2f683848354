"use client";

import { type ChartConfiguration, type ChartDataset, type Plugin, type ScatterDataPoint } from "chart.js";
import { useLocale, useTranslations } from "next-intl";
import { useChart } from "./use-chart";
import {
  axisLook,
  chartColours,
  formatTooltipTime,
  seriesColours,
  timeXAxis,
  tooltipLook,
  type SeriesColour,
  withAlpha,
} from "./chart-theme";
import { formatFixed, formatNumber } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/** One value at one instant, as the series API sends it: [ISO-8601 time, value]. */
export type SeriesPoint = [string, number];

export type TimeSeriesChartProps = {
  /** What is plotted, for the accessible name and tooltips, e.g. "Temperature". */
  label: string;
  /** Appended to values, e.g. "°C", "%", "W". */
  unit: string;
  /** The average per step. */
  points: SeriesPoint[];
  /** Per-step minimum and maximum; when both are given they are drawn as a band around the line. */
  min?: SeriesPoint[];
  max?: SeriesPoint[];
  /** The x range (ISO-8601), so charts of the same range line up even where data is missing. */
  from: string;
  to: string;
  /** Seconds per point: gaps much longer than a step break the line instead of bridging it. */
  stepSeconds: number;
  colour?: SeriesColour;
  yMin?: number;
  yMax?: number;
  /** A y the axis reaches at least, so a flat line near zero is not drawn as full-scale noise. */
  suggestedYMax?: number;
  decimals?: number;
  /** A dashed horizontal line: a limit (`tone: "bad"`, e.g. the degraded temperature) or a capacity (`"neutral"`, e.g. total memory). */
  threshold?: Threshold;
  /** Chart height in CSS pixels. */
  height?: number;
  testId?: string;
};

export type Threshold = { value: number; label: string; tone?: "bad" | "neutral" };

type XY = ScatterDataPoint;

const toXY = (points: SeriesPoint[]): XY[] => points.map(([t, v]) => ({ x: Date.parse(t), y: v }));

/** A dashed horizontal line at `threshold.value`, labelled at its right end. Drawn by hand: the annotation plugin is a dependency for one line. */
function thresholdPlugin(threshold: Threshold | undefined, font: string): Plugin<"line"> {
  return {
    id: "rackmindThreshold",
    afterDatasetsDraw(chart) {
      if (!threshold) return;
      const { ctx, chartArea, scales } = chart;
      const y = scales.y!.getPixelForValue(threshold.value);
      if (y < chartArea.top || y > chartArea.bottom) return;
      ctx.save();
      const colour = threshold.tone === "neutral" ? chartColours.capacity : chartColours.threshold;
      ctx.strokeStyle = colour;
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = colour;
      ctx.font = `500 10px ${font}`;
      ctx.textAlign = "right";
      ctx.textBaseline = "bottom";
      ctx.fillText(threshold.label, chartArea.right - 4, y - 3);
      ctx.restore();
    },
  };
}

/** The reader's language, for the words drawn on the canvas and its text alternative. */
type Words = { t: Translate; locale: Locale };

function buildDatasets(p: TimeSeriesChartProps, colour: string, { t }: Words): ChartDataset<"line", XY[]>[] {
  const line: ChartDataset<"line", XY[]> = {
    label: p.label,
    data: toXY(p.points),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 1.75,
    pointRadius: p.points.length === 1 ? 3 : 0,
    pointHoverRadius: 3.5,
    tension: 0.25,
    fill: false,
  };
  if (!p.min || !p.max || p.min.length === 0) return [line];
  const edge = { borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, tension: 0.25 };
  return [
    line,
    { ...edge, label: t("max"), data: toXY(p.max), borderColor: "transparent", fill: false },
    // Filled down to the max dataset just above it: the band is the spread within each step.
    {
      ...edge,
      label: t("min"),
      data: toXY(p.min),
      borderColor: "transparent",
      backgroundColor: withAlpha(colour, 0.14),
      fill: "-1",
    },
  ];
}

type Fonts = { sans: string; mono: string };
type LineOptions = NonNullable<ChartConfiguration<"line", XY[]>["options"]>;

function buildScales(p: TimeSeriesChartProps, fonts: Fonts, { locale }: Words): LineOptions["scales"] {
  const from = Date.parse(p.from);
  const to = Date.parse(p.to);
  const { tick, grid } = axisLook(fonts);
  return {
    x: timeXAxis(from, to, fonts, locale),
    y: {
      min: p.yMin,
      max: p.yMax,
      suggestedMax: p.suggestedYMax,
      grace: p.yMax === undefined ? "8%" : 0,
      grid,
      border: { display: false },
      ticks: { ...tick, maxTicksLimit: 5, callback: (v) => formatNumber(Number(v), locale, 3) },
    },
  };
}

function buildTooltip(
  p: TimeSeriesChartProps,
  fonts: Fonts,
  { t, locale }: Words,
): NonNullable<LineOptions["plugins"]>["tooltip"] {
  const decimals = p.decimals ?? 0;
  const fmt = (v: number) => `${formatFixed(v, decimals, locale)} ${p.unit}`;
  return {
    ...tooltipLook(fonts),
    padding: 8,
    displayColors: false,
    callbacks: {
      title: (items) => (items[0] ? formatTooltipTime(items[0].parsed.x ?? 0) : ""),
      label: (item) => `${item.datasetIndex === 0 ? t("avg") : item.dataset.label} ${fmt(item.parsed.y ?? 0)}`,
    },
  };
}

function buildConfig(p: TimeSeriesChartProps, fonts: Fonts, words: Words): ChartConfiguration<"line", XY[]> {
  return {
    type: "line",
    data: { datasets: buildDatasets(p, seriesColours[p.colour ?? "sky"], words) },
    plugins: [thresholdPlugin(p.threshold, fonts.sans)],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      // Break the line over a silence longer than five steps (or five minutes), rather than drawing a straight bridge across it.
      spanGaps: Math.max(5 * p.stepSeconds * 1000, 5 * 60_000),
      interaction: { mode: "index", intersect: false },
      layout: { padding: { top: 4, right: 4 } },
      scales: buildScales(p, fonts, words),
      plugins: { legend: { display: false }, tooltip: buildTooltip(p, fonts, words) },
    },
  };
}

function describe(p: TimeSeriesChartProps, { t, locale }: Words): string {
  const last = p.points.at(-1);
  if (!last) return t("emptySummary", { label: p.label });
  const values = p.points.map(([, v]) => v);
  const round = (v: number) => formatFixed(v, p.decimals ?? 0, locale);
  return t("summary", {
    label: p.label,
    latest: round(last[1]),
    unit: p.unit,
    lowest: round(Math.min(...values)),
    highest: round(Math.max(...values)),
  });
}

/**
 * A line chart of one GPU field over time on a dark background, with an
 * optional min/max band and threshold line. The server component passes plain
 * arrays of [ISO time, value]; nothing here fetches.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const words: Words = { t: useTranslations("charts.timeSeries"), locale: asLocale(useLocale()) };
  const isEmpty = props.points.length === 0;
  const { canvasRef, isReady } = useChart(JSON.stringify([props, words.locale]), isEmpty, (fonts) =>
    buildConfig(props, fonts, words),
  );

  return (
    <div
      className="relative w-full"
      style={{ height: props.height ?? 180 }}
      data-testid={props.testId}
      data-points={props.points.length}
      data-ready={isReady || undefined}
    >
      {isEmpty ? (
        <div className="grid h-full place-items-center rounded-md border border-dashed border-slate-800 text-xs text-slate-500">
          {words.t("noSamples")}
        </div>
      ) : (
        <canvas ref={canvasRef} role="img" aria-label={describe(props, words)}>
          {describe(props, words)}
        </canvas>
      )}
    </div>
  );
}
