import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from "chart.js";
import { formatFixed, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { chartColours, type SeriesColour, seriesColours, tooltipLook, withAlpha } from "./chart-theme";

// Chart.js configuration of EnergyTrendChart, apart from its React wrapper.
// The line controller, linear scale and tooltip are registered by chart-theme;
// bars on a category axis are only used here.
Chart.register(BarController, BarElement, CategoryScale);

/** One step (an hour or a day) of a site's energy, as plain numbers from the server. */
export type EnergyTrendStep = {
  /** Axis label, or null to leave this step's tick unlabelled (the server picks round times). */
  tick: string | null;
  /** Tooltip title, e.g. "2026-03-04 14:00–15:00 UTC". */
  title: string;
  facilityKwh: number;
  itKwh: number;
  gpuKwh: number;
  pue: number | null;
};

/** What both panels are built from. */
export type EnergyTrendInput = { steps: EnergyTrendStep[]; stepName: string; pueTarget?: number };

/** The words the canvas draws (Chart.js knows no catalogue), in the reader's language, and that language. */
export type EnergyTrendWords = {
  locale: Locale;
  names: Record<Series, string>;
  /** The energy axis's title, e.g. "kWh per hour". */
  kwhAxis: string;
  /** The PUE target line's label for a target, e.g. "target 1.60". */
  target: (target: string) => string;
};

export type Series = "facility" | "it" | "gpu" | "pue";
type Values = (number | null)[];
export type Fonts = { sans: string; mono: string };

/** Each series' colour name. */
export const seriesColour: Record<Series, SeriesColour> = {
  facility: "amber",
  it: "sky",
  gpu: "emerald",
  pue: "violet",
};

/** Each series' line colour, in the theme in use when read. */
export const colours = Object.defineProperties({} as Record<Series, string>, {
  facility: { enumerable: true, get: () => seriesColours[seriesColour.facility] },
  it: { enumerable: true, get: () => seriesColours[seriesColour.it] },
  gpu: { enumerable: true, get: () => seriesColours[seriesColour.gpu] },
  pue: { enumerable: true, get: () => seriesColours[seriesColour.pue] },
});

export function visibleSeries(steps: EnergyTrendStep[]): Series[] {
  const out: Series[] = [];
  if (steps.some((s) => s.facilityKwh > 0)) out.push("facility");
  if (steps.some((s) => s.itKwh > 0)) out.push("it");
  if (steps.some((s) => s.gpuKwh > 0)) out.push("gpu");
  if (steps.some((s) => s.pue !== null)) out.push("pue");
  return out;
}

function dataset(
  series: Exclude<Series, "pue">,
  steps: EnergyTrendStep[],
  words: EnergyTrendWords,
): ChartDataset<"bar" | "line", Values> {
  const colour = colours[series];
  const label = words.names[series];
  // Facility and IT bars overlap (not side by side): the facility bar showing
  // above the IT bar is the overhead — cooling, power distribution — PUE measures.
  if (series === "facility") {
    return {
      type: "bar",
      label,
      data: steps.map((s) => s.facilityKwh),
      backgroundColor: withAlpha(colour, 0.3),
      borderColor: withAlpha(colour, 0.9),
      borderWidth: { top: 1.5 },
      grouped: false,
      barPercentage: 0.86,
      categoryPercentage: 0.92,
      order: 3,
    };
  }
  if (series === "it") {
    return {
      type: "bar",
      label,
      data: steps.map((s) => s.itKwh),
      backgroundColor: withAlpha(colour, 0.7),
      borderWidth: 0,
      grouped: false,
      barPercentage: 0.56,
      categoryPercentage: 0.92,
      order: 2,
    };
  }
  return {
    type: "line",
    label,
    data: steps.map((s) => (s.gpuKwh > 0 ? s.gpuKwh : null)),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 1.75,
    pointRadius: steps.length <= 40 ? 2 : 0,
    pointHoverRadius: 3.5,
    tension: 0.25,
    spanGaps: false,
    order: 1,
  };
}

/** The PUE target as a dashed line, drawn by hand like TimeSeriesChart's threshold. */
function pueTargetPlugin(target: number | undefined, font: string, words: EnergyTrendWords): Plugin<"line"> {
  return {
    id: "rackmindPueTarget",
    afterDatasetsDraw(chart) {
      const scale = chart.scales.y;
      if (target === undefined || !scale) return;
      const { ctx, chartArea } = chart;
      const y = scale.getPixelForValue(target);
      if (y < chartArea.top || y > chartArea.bottom) return;
      ctx.save();
      ctx.strokeStyle = chartColours.threshold;
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = chartColours.threshold;
      ctx.font = `500 10px ${font}`;
      ctx.textAlign = "right";
      ctx.textBaseline = "bottom";
      ctx.fillText(words.target(formatFixed(target, 2, words.locale)), chartArea.right - 4, y - 3);
      ctx.restore();
    },
  };
}

export const kwhFormat = (v: number, locale: Locale) => formatNumber(v, locale, v >= 100 ? 0 : v >= 10 ? 1 : 2);

// Both panels reserve the same width for their y labels, so their bars and points line up.
const Y_AXIS_WIDTH = 56;

function tickFont(fonts: Fonts) {
  return { color: chartColours.tick, font: { family: fonts.mono, size: 10 }, padding: 6 };
}

function xScale(steps: EnergyTrendStep[], fonts: Fonts, hasLabels: boolean) {
  return {
    type: "category" as const,
    grid: { display: false },
    border: { color: chartColours.axis },
    // Every step keeps its slot; only the ticks the server labelled are written.
    ticks: {
      ...tickFont(fonts),
      display: hasLabels,
      autoSkip: false,
      maxRotation: 0,
      callback: (_v: unknown, i: number) => steps[i]?.tick ?? "",
    },
  };
}

function yScale(title: string, fonts: Fonts) {
  return {
    grid: { color: chartColours.grid, drawTicks: false },
    border: { display: false },
    title: { display: true, text: title, color: chartColours.tick, font: { family: fonts.sans, size: 10 } },
    afterFit: (axis: { width: number }) => {
      axis.width = Y_AXIS_WIDTH;
    },
  };
}

function tooltip(steps: EnergyTrendStep[], fonts: Fonts, label: (datasetLabel: string, v: number) => string) {
  return {
    ...tooltipLook(fonts),
    padding: 8,
    boxWidth: 8,
    boxHeight: 8,
    callbacks: {
      title: (items: { dataIndex: number }[]) => steps[items[0]?.dataIndex ?? 0]?.title ?? "",
      label: (item: { parsed: { y: number | null }; dataset: { label?: string } }) =>
        item.parsed.y === null ? "" : label(item.dataset.label ?? "", item.parsed.y),
    },
  };
}

const common = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  interaction: { mode: "index" as const, intersect: false },
};

export function energyConfig(
  p: EnergyTrendInput,
  series: Series[],
  fonts: Fonts,
  hasXLabels: boolean,
  words: EnergyTrendWords,
): ChartConfiguration<"bar" | "line", Values, string> {
  const kwhSeries = series.filter((s): s is Exclude<Series, "pue"> => s !== "pue");
  return {
    type: "bar",
    data: { labels: p.steps.map((s) => s.tick ?? ""), datasets: kwhSeries.map((s) => dataset(s, p.steps, words)) },
    options: {
      ...common,
      layout: { padding: { top: 4, right: 8 } },
      scales: {
        x: xScale(p.steps, fonts, hasXLabels),
        y: {
          ...yScale(words.kwhAxis, fonts),
          beginAtZero: true,
          grace: "8%",
          ticks: { ...tickFont(fonts), maxTicksLimit: 5, callback: (v) => formatNumber(Number(v), words.locale, 3) },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: tooltip(p.steps, fonts, (label, v) => `${label} ${kwhFormat(v, words.locale)} kWh`),
      },
    },
  };
}

export function pueConfig(
  p: EnergyTrendInput,
  fonts: Fonts,
  words: EnergyTrendWords,
): ChartConfiguration<"line", Values, string> {
  const pues = p.steps.flatMap((s) => (s.pue === null ? [] : [s.pue]));
  const colour = colours.pue;
  return {
    type: "line",
    data: {
      labels: p.steps.map((s) => s.tick ?? ""),
      datasets: [
        {
          label: words.names.pue,
          data: p.steps.map((s) => s.pue),
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 1.75,
          pointRadius: p.steps.length <= 40 ? 2 : 0,
          pointHoverRadius: 3.5,
          tension: 0.25,
          spanGaps: false,
        },
      ],
    },
    plugins: [pueTargetPlugin(p.pueTarget, fonts.sans, words)],
    options: {
      ...common,
      layout: { padding: { top: 4, right: 8 } },
      scales: {
        // Line points sit in the middle of their category, like the bars above.
        x: { ...xScale(p.steps, fonts, true), offset: true },
        y: {
          ...yScale(words.names.pue, fonts),
          suggestedMin: Math.min(1, ...pues),
          suggestedMax: Math.max(p.pueTarget ?? 0, ...pues) + 0.1,
          ticks: { ...tickFont(fonts), maxTicksLimit: 3, callback: (v) => formatFixed(Number(v), 2, words.locale) },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: tooltip(p.steps, fonts, (label, v) => `${label} ${formatFixed(v, 2, words.locale)}`),
      },
    },
  };
}
