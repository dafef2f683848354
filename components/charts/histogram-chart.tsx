"use client";

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { useChart } from "./use-chart";
import { chartColours, type SeriesColour, seriesColours, tooltipLook, withAlpha } from "./chart-theme";
import type { HistogramBar } from "./histogram-bins";

// Bars on a category axis; registering again elsewhere is harmless.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type { HistogramBar };

export type HistogramChartProps = {
  /** What is counted, for the accessible name, e.g. "glucose". */
  label: string;
  bars: HistogramBar[];
  colour?: SeriesColour;
  /** CSS pixels. */
  height?: number;
  testId?: string;
};

type Fonts = { sans: string; mono: string };
/** The reader's language, for the words drawn on the canvas and its text alternative. */
type Words = { t: Translate; locale: Locale };

function buildConfig(p: HistogramChartProps, fonts: Fonts, { t }: Words): ChartConfiguration<"bar", number[], string> {
  const colour = seriesColours[p.colour ?? "sky"];
  const tick = { color: chartColours.tick, font: { family: fonts.mono, size: 10 } };
  return {
    type: "bar",
    data: {
      labels: p.bars.map((b) => b.label),
      datasets: [
        {
          label: p.label,
          data: p.bars.map((b) => b.count),
          backgroundColor: withAlpha(colour, 0.65),
          hoverBackgroundColor: colour,
          borderWidth: 0,
          barPercentage: 1,
          categoryPercentage: 0.92,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 4, right: 4 } },
      scales: {
        x: {
          grid: { display: false },
          border: { color: chartColours.axis },
          ticks: { ...tick, maxRotation: 0, autoSkip: true, maxTicksLimit: 6 },
        },
        y: {
          beginAtZero: true,
          grid: { color: chartColours.grid, drawTicks: false },
          border: { display: false },
          ticks: { ...tick, maxTicksLimit: 4, precision: 0 },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipLook(fonts),
          displayColors: false,
          callbacks: {
            title: (items) => p.bars[items[0]?.dataIndex ?? 0]?.title ?? "",
            label: (item) => t("count", { count: item.parsed.y ?? 0 }),
          },
        },
      },
    },
  };
}

function describe(p: HistogramChartProps, { t, locale }: Words): string {
  const total = p.bars.reduce((n, b) => n + b.count, 0);
  const top = p.bars.reduce<HistogramBar | undefined>(
    (best, b) => (!best || b.count > best.count ? b : best),
    undefined,
  );
  const values = { label: p.label, total: formatNumber(total, locale), bars: formatNumber(p.bars.length, locale) };
  return top
    ? t("summaryTop", { ...values, top: top.title, count: formatNumber(top.count, locale) })
    : t("summary", values);
}

/**
 * A bar chart of counts per bin or category. The server computes the bins
 * (lib/datasets) and passes plain numbers; nothing here fetches.
 */
export function HistogramChart(props: HistogramChartProps) {
  const words: Words = { t: useTranslations("charts.histogram"), locale: asLocale(useLocale()) };
  const isEmpty = props.bars.length === 0;
  const { canvasRef, isReady } = useChart(JSON.stringify([props, words.locale]), isEmpty, (fonts) =>
    buildConfig(props, fonts, words),
  );

  return (
    <div
      className="relative w-full"
      style={{ height: props.height ?? 140 }}
      data-testid={props.testId}
      data-bars={props.bars.length}
      data-ready={isReady || undefined}
    >
      {isEmpty ? (
        <div className="grid h-full place-items-center rounded-md border border-dashed border-slate-800 text-xs text-slate-500">
          {words.t("noValues")}
        </div>
      ) : (
        <canvas ref={canvasRef} role="img" aria-label={describe(props, words)}>
          {describe(props, words)}
        </canvas>
      )}
    </div>
  );
}
