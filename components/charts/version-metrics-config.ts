import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration } from "chart.js";
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

const label = (p: VersionMetricPoint) => `v${p.version}${p.archived ? " (archived)" : ""}`;

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
  const { x, y } = axes(fonts, "% (on each version's rows)");
  return {
    type: "line",
    data: { labels: points.map(label), datasets: [line("accuracy", "Accuracy"), line("f1", "F1")] },
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
                : `${item.dataset.label} ${item.parsed.y.toFixed(1)}% on ${points[item.dataIndex]?.on}`,
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
): ChartConfiguration<"bar", (number | null)[], string> {
  return {
    type: "bar",
    data: {
      labels: points.map(label),
      datasets: [
        {
          label: "Energy",
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
      scales: { ...axes(fonts, "kWh per run"), y: { ...axes(fonts, "kWh per run").y, beginAtZero: true } },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltip(fonts),
          callbacks: { label: (item) => (item.parsed.y === null ? "not known" : `Energy ${item.parsed.y} kWh`) },
        },
      },
    },
  };
}
