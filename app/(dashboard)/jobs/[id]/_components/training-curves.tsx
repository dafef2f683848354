"use client";

import { Chart, type ChartConfiguration, type ScatterDataPoint } from "chart.js";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import {
  axisLook,
  chartColours,
  readFontFamilies,
  seriesColours,
  seriesColoursFor,
  tooltipLook,
} from "@/components/charts/chart-theme";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import { formatFixed } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { EpochOut } from "@/lib/jobs/schemas";

type XY = ScatterDataPoint;

// `colour` names a series colour, drawn in the theme in use; `label` is its
// catalogue key under jobs.curves.
const series = [
  { label: "loss", axis: "y", colour: "sky", dash: [] as number[], pick: (h: EpochOut) => h.loss },
  { label: "valLoss", axis: "y", colour: "sky", dash: [4, 3], pick: (h: EpochOut) => h.valLoss },
  {
    label: "accuracy",
    axis: "y1",
    colour: "emerald",
    dash: [] as number[],
    pick: (h: EpochOut) => h.accuracy,
  },
  {
    label: "valAccuracy",
    axis: "y1",
    colour: "emerald",
    dash: [4, 3],
    pick: (h: EpochOut) => h.valAccuracy,
  },
] as const;

function points(history: EpochOut[], pick: (h: EpochOut) => number | null): XY[] {
  return history.flatMap((h) => {
    const y = pick(h);
    return y === null || !Number.isFinite(y) ? [] : [{ x: h.epoch, y }];
  });
}

/** The chart's words and number format, from the reader's language. */
type Words = { t: Translate; locale: Locale };

function buildConfig(epochs: number, { t, locale }: Words): ChartConfiguration<"line", XY[]> {
  const fonts = readFontFamilies();
  const { tick, grid } = axisLook(fonts);
  return {
    type: "line",
    data: {
      datasets: series.map((s) => ({
        label: t(s.label),
        data: [],
        yAxisID: s.axis,
        borderColor: seriesColours[s.colour],
        backgroundColor: seriesColours[s.colour],
        borderDash: [...s.dash],
        borderWidth: 1.75,
        pointRadius: 0,
        pointHoverRadius: 3,
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: {
          type: "linear",
          min: 1,
          max: Math.max(2, epochs),
          grid,
          border: { color: chartColours.axis },
          ticks: { ...tick, maxTicksLimit: 10, precision: 0 },
        },
        // Cross-entropy is never negative: the axis starts at 0 rather than wherever the grace would put it.
        y: {
          position: "left",
          min: 0,
          grace: "5%",
          grid,
          border: { display: false },
          title: { display: true, text: t("loss"), color: chartColours.tick, font: { size: 10 } },
          ticks: { ...tick, maxTicksLimit: 6 },
        },
        y1: {
          position: "right",
          min: 0,
          max: 1,
          grid: { drawOnChartArea: false },
          border: { display: false },
          title: { display: true, text: t("accuracy"), color: chartColours.tick, font: { size: 10 } },
          ticks: { ...tick, maxTicksLimit: 6 },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipLook(fonts),
          callbacks: {
            title: (items) => t("epoch", { epoch: items[0]?.parsed.x ?? "" }),
            label: (item) => `${item.dataset.label} ${formatFixed(item.parsed.y ?? 0, 4, locale)}`,
          },
        },
      },
    },
  };
}

/**
 * Loss (left axis) and accuracy (right axis, 0–1) per epoch, training solid and
 * validation dashed. Created once per job; new epochs update the datasets in
 * place, so a curve that grows every second never rebuilds the chart.
 */
export function TrainingCurves({ history, epochs }: { history: EpochOut[]; epochs: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<"line", XY[]> | null>(null);
  const scheme = useColorScheme();
  const t = useTranslations("jobs.curves");
  const locale = asLocale(useLocale());

  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = new Chart(canvasRef.current, buildConfig(epochs, { t, locale }));
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [epochs, scheme, t, locale]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    series.forEach((s, i) => (chart.data.datasets[i]!.data = points(history, s.pick)));
    chart.update("none");
  }, [history, epochs, scheme, t, locale]);

  const last = history.at(-1);
  const summary = last
    ? t("summary", {
        epoch: last.epoch,
        epochs,
        loss: formatFixed(last.loss, 4, locale),
        accuracy: formatFixed(last.accuracy, 3, locale),
      })
    : t("empty");
  return (
    <div>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-slate-400">
        {series.map((s) => (
          <li key={s.label} className="flex items-center gap-1.5">
            <svg width="18" height="4" aria-hidden>
              <line
                x1="0"
                y1="2"
                x2="18"
                y2="2"
                stroke={seriesColoursFor(scheme)[s.colour]}
                strokeWidth="2"
                strokeDasharray={s.dash.join(" ")}
              />
            </svg>
            {t(s.label)}
          </li>
        ))}
      </ul>
      <div className="relative h-64 w-full" data-testid="training-curves" data-epochs={history.length}>
        <canvas ref={canvasRef} role="img" aria-label={summary}>
          {summary}
        </canvas>
      </div>
    </div>
  );
}
