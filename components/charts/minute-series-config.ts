import type { ChartConfiguration, ChartDataset, ScatterDataPoint } from "chart.js";
import { axisLook, formatTooltipTime, type SeriesColour, seriesColours, timeXAxis, tooltipLook } from "./chart-theme";
import { formatFixed, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * One line: a name for the legend and tooltip, its colour (a series colour's name, drawn in the
 * theme in use, or any CSS colour) and dash, and [ISO minute, value or null].
 */
export type MinuteSeries = {
  label: string;
  colour: string;
  dash?: number[];
  points: [string, number | null][];
};

/** Something that happened at an instant, drawn as a marker along the top (a GPU fault beside drift). */
export type ChartMarker = { at: string; label: string };

export type MinuteChartInput = {
  series: MinuteSeries[];
  markers?: ChartMarker[];
  /** The x range (ISO-8601): the window, so charts of one page line up even where a minute had no traffic. */
  from: string;
  to: string;
  unit: string;
  decimals: number;
};

type XY = ScatterDataPoint;
type Fonts = { sans: string; mono: string };

const MINUTE = 60_000;

/** A gap in a version's minutes is a minute without traffic: the line breaks rather than bridging it. */
function toXY(points: MinuteSeries["points"]): XY[] {
  const out: XY[] = [];
  let last: number | null = null;
  for (const [iso, y] of points) {
    const x = Date.parse(iso);
    if (last !== null && x - last > MINUTE) out.push({ x: last + MINUTE, y: Number.NaN });
    out.push({ x, y: y ?? Number.NaN });
    last = x;
  }
  return out;
}

function datasets(input: MinuteChartInput): ChartDataset<"line", XY[]>[] {
  return input.series.map((s) => {
    const data = toXY(s.points);
    const colour = s.colour in seriesColours ? seriesColours[s.colour as SeriesColour] : s.colour;
    return {
      label: s.label,
      data,
      borderColor: colour,
      backgroundColor: colour,
      borderDash: s.dash ?? [],
      borderWidth: 1.75,
      // A single minute is a point, not an invisible zero-length line.
      pointRadius: data.filter((p) => Number.isFinite(p.y)).length <= 2 ? 3 : 0,
      pointHoverRadius: 3.5,
      spanGaps: false,
      tension: 0.2,
    };
  });
}

const MARKER_COLOUR = "rgb(244 63 94)"; // rose-500: faults, as elsewhere

/** Markers as points on a second axis pinned to the top of the plot, whatever the lines' scale. */
function markerDataset(markers: ChartMarker[]): ChartDataset<"line", XY[]> {
  return {
    label: "GPU event",
    data: markers.map((m) => ({ x: Date.parse(m.at), y: 1 })),
    yAxisID: "markers",
    showLine: false,
    pointStyle: "triangle",
    pointRadius: 6,
    pointHoverRadius: 7,
    borderColor: MARKER_COLOUR,
    backgroundColor: MARKER_COLOUR,
  };
}

/** Lines per version (and percentile) over the window's minutes, on a linear axis of epoch ms in UTC. */
export function minuteChartConfig(
  input: MinuteChartInput,
  fonts: Fonts,
  locale: Locale,
): ChartConfiguration<"line", XY[]> {
  const [from, to] = [Date.parse(input.from), Date.parse(input.to)];
  const { tick, grid } = axisLook(fonts);
  const fmt = (v: number) => `${formatFixed(v, input.decimals, locale)} ${input.unit}`;
  return {
    type: "line",
    data: {
      datasets: [...datasets(input), ...(input.markers?.length ? [markerDataset(input.markers)] : [])],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: "nearest", axis: "x", intersect: false },
      layout: { padding: { top: 4, right: 4 } },
      scales: {
        x: timeXAxis(from, to, fonts, locale),
        y: {
          min: 0,
          grace: "8%",
          grid,
          border: { display: false },
          ticks: { ...tick, maxTicksLimit: 5, callback: (v) => formatNumber(Number(v), locale, 3) },
        },
        // Chart.js must be told a scale's axis and type; and only a chart with markers has this one.
        ...(input.markers?.length
          ? {
              markers: {
                type: "linear" as const,
                axis: "y" as const,
                position: "right" as const,
                display: false,
                min: 0,
                max: 1.04,
              },
            }
          : {}),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipLook(fonts),
          callbacks: {
            title: (items) => (items[0] ? formatTooltipTime(items[0].parsed.x ?? 0) : ""),
            label: (item) =>
              item.dataset.yAxisID === "markers"
                ? (input.markers?.[item.dataIndex]?.label ?? "")
                : `${item.dataset.label} ${fmt(item.parsed.y ?? 0)}`,
          },
        },
      },
    },
  };
}
