import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration } from "chart.js";
import { formatFixed, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { chartColours, type SeriesColour, seriesColours, tooltipLook, withAlpha } from "./chart-theme";

// Chart.js configuration of VersionMetricsChart, apart from its React wrapper.
// Lines, points, the linear scale and the tooltip are registered by chart-theme.
Chart.register(BarController, BarElement, CategoryScale);

/** One model version's figures, as plain numbers from the server; null: not known. */
export type VersionMetricPoint = {
  version: number;
  accuracy: number | null;
  f1: number | null;
  /** Which rows accuracy and F1 are on, in words ("test split"). */
  on: string;
  energyKwh: number | null;
  archived: boolean;
};

type Fonts = { sans: string; mono: string };

/** The words the canvases draw (Chart.js knows no catalogue), in the reader's language, and that language. */
export type VersionMetricsWords = {
  locale: Locale;
  accuracy: string;
  f1: string;
  energy: string;
  scoreAxis: string;
  kwhAxis: string;
  notKnown: string;
  /** "v3 (archived)" */
  archived: (version: string) => string;
  /** "Accuracy 78.3% on test split" */
  scoreTooltip: (series: string, value: string, rows: string) => string;
  /** "Energy 0.0042 kWh" */
  energyTooltip: (value: string) => string;
};

/** Each metric's series colour. */
export const metricSeries = { accuracy: "sky", f1: "violet", energy: "amber" } as const satisfies Record<
  string,
  SeriesColour
>;

/** Each metric's line colour, in the theme in use when read. */
export const metricColours = Object.defineProperties({} as Record<keyof typeof metricSeries, string>, {
  accuracy: { enumerable: true, get: () => seriesColours[metricSeries.accuracy] },
  f1: { enumerable: true, get: () => seriesColours[metricSeries.f1] },
  energy: { enumerable: true, get: () => seriesColours[metricSeries.energy] },
});

const label = (p: VersionMetricPoint, words: VersionMetricsWords) =>
  p.archived ? words.archived(`v${p.version}`) : `v${p.version}`;

function tooltip(fonts: Fonts) {
  return {
    ...tooltipLook(fonts),
    padding: 8,
    boxWidth: 8,
    boxHeight: 8,
  };
}

// Both panels reserve the same width for their y labels, so versions line up.
const Y_AXIS_WIDTH = 56;

function axes(fonts: Fonts, title: string) {
  const tick = { color: chartColours.tick, font: { family: fonts.mono, size: 10 } };
  return {
    x: { type: "category" as const, grid: { display: false }, border: { color: chartColours.axis }, ticks: tick },
    y: {
      grid: { color: chartColours.grid, drawTicks: false },
      border: { display: false },
      title: { display: true, text: title, color: chartColours.tick, font: { family: fonts.sans, size: 10 } },
      afterFit: (axis: { width: number }) => {
        axis.width = Y_AXIS_WIDTH;
      },
      ticks: { ...tick, padding: 6, maxTicksLimit: 5 },
    },
  };
}

const common = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  interaction: { mode: "index" as const, intersect: false },
  layout: { padding: { top: 4, right: 8 } },
};

/** Accuracy and F1 per version, as percentages; a version without figures leaves a gap. */
export function scoreConfig(
  points: VersionMetricPoint[],
  fonts: Fonts,
  words: VersionMetricsWords,
): ChartConfiguration<"line", (number | null)[], string> {
  const line = (key: "accuracy" | "f1", name: string) => ({
    label: name,
    data: points.map((p) => (p[key] === null ? null : p[key]! * 100)),
    borderColor: metricColours[key],
    backgroundColor: metricColours[key],
    borderWidth: 1.75,
    pointRadius: 3,
    pointHoverRadius: 4.5,
    spanGaps: false,
  });
  const { x, y } = axes(fonts, words.scoreAxis);
  return {
    type: "line",
    data: {
      labels: points.map((p) => label(p, words)),
      datasets: [line("accuracy", words.accuracy), line("f1", words.f1)],
    },
    options: {
      ...common,
      scales: { x: { ...x, offset: true }, y: { ...y, suggestedMin: 0, suggestedMax: 100 } },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltip(fonts),
          callbacks: {
            label: (item) =>
              item.parsed.y === null
                ? ""
                : words.scoreTooltip(
                    item.dataset.label ?? "",
                    `${formatFixed(item.parsed.y, 1, words.locale)}%`,
                    points[item.dataIndex]?.on ?? "",
                  ),
          },
        },
      },
    },
  };
}

/** The run's energy per version as bars; an unknown energy draws no bar (the table says why). */
export function energyConfig(
  points: VersionMetricPoint[],
  fonts: Fonts,
  words: VersionMetricsWords,
): ChartConfiguration<"bar", (number | null)[], string> {
  return {
    type: "bar",
    data: {
      labels: points.map((p) => label(p, words)),
      datasets: [
        {
          label: words.energy,
          data: points.map((p) => p.energyKwh),
          backgroundColor: withAlpha(metricColours.energy, 0.6),
          hoverBackgroundColor: metricColours.energy,
          borderWidth: 0,
          barPercentage: 0.6,
        },
      ],
    },
    options: {
      ...common,
      scales: { ...axes(fonts, words.kwhAxis), y: { ...axes(fonts, words.kwhAxis).y, beginAtZero: true } },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltip(fonts),
          callbacks: {
            label: (item) =>
              item.parsed.y === null
                ? words.notKnown
                : words.energyTooltip(formatNumber(item.parsed.y, words.locale, 6)),
          },
        },
      },
    },
  };
}
