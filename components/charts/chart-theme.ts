import { Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { formatMonthDay } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { type ColorScheme, currentColorScheme } from "@/components/ui/use-color-scheme";

// Chart.js is tree-shaken: register only what the line charts use. Registering
// twice is harmless, so every island may import this module.
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);

// Chart.js needs concrete colours rather than classes, so each theme's palette
// is spelt out here, mirroring globals.css: Tailwind's slate for the frame, and
// its sky, violet, amber and emerald for lines (the 400s on dark; the 600s on
// light, which keep 3:1 against white). Read through the getters below, a
// config gets the colours of the scheme in use when it is built; charts are
// rebuilt when the scheme changes (useColorScheme).
const framePalettes = {
  dark: {
    grid: "rgb(30 41 59 / 0.9)", // slate-800
    axis: "rgb(51 65 85)", // slate-700
    tick: "rgb(148 163 184)", // slate-400
    tooltipBg: "rgb(2 6 23 / 0.95)", // slate-950
    tooltipBorder: "rgb(51 65 85)",
    tooltipTitle: "rgb(241 245 249)", // slate-100
    tooltipBody: "rgb(203 213 225)", // slate-300
    threshold: "rgb(244 63 94 / 0.8)", // rose-500
    capacity: "rgb(100 116 139 / 0.9)", // slate-500
    noData: "rgb(51 65 85)", // slate-700
  },
  light: {
    grid: "rgb(226 232 240)", // slate-200
    axis: "rgb(148 163 184)", // slate-400
    tick: "rgb(71 85 105)", // slate-600
    tooltipBg: "rgb(255 255 255 / 0.97)",
    tooltipBorder: "rgb(203 213 225)", // slate-300
    tooltipTitle: "rgb(15 23 42)", // slate-900
    tooltipBody: "rgb(51 65 85)", // slate-700
    threshold: "rgb(225 29 72 / 0.85)", // rose-600
    capacity: "rgb(100 116 139 / 0.9)", // slate-500
    noData: "rgb(203 213 225)", // slate-300
  },
} as const;

const seriesPalettes = {
  dark: { sky: "rgb(56 189 248)", violet: "rgb(167 139 250)", amber: "rgb(251 191 36)", emerald: "rgb(52 211 153)" },
  light: { sky: "rgb(2 132 199)", violet: "rgb(124 58 237)", amber: "rgb(217 119 6)", emerald: "rgb(5 150 105)" },
} as const;

type Frame = { readonly [K in keyof (typeof framePalettes)["dark"]]: string };
type Lines = { readonly [K in keyof (typeof seriesPalettes)["dark"]]: string };

/** An object whose every key reads `palettes[scheme in use][key]` when read. */
function followingScheme<T extends Record<string, string>>(palettes: { dark: T; light: T }): T {
  const out = {} as T;
  for (const key of Object.keys(palettes.dark) as (keyof T)[]) {
    Object.defineProperty(out, key, { enumerable: true, get: () => palettes[currentColorScheme()][key] });
  }
  return out;
}

/**
 * The palettes of `scheme`, for what React renders (legends): a component passes
 * useColorScheme()'s answer, which is "dark" while hydrating as on the server.
 */
export function chartColoursFor(scheme: ColorScheme): Frame {
  return framePalettes[scheme];
}
export function seriesColoursFor(scheme: ColorScheme): Lines {
  return seriesPalettes[scheme];
}

/** The frame's colours (grid, axes, ticks, tooltip, thresholds) in the scheme in use, for chart configs. */
export const chartColours: Frame = followingScheme<Frame>(framePalettes);

/** Line colours per series kind in the scheme in use, for chart configs. */
export const seriesColours: Lines = followingScheme<Lines>(seriesPalettes);
export type SeriesColour = keyof typeof seriesColours;

/** `rgb(r g b)` with an alpha, for fills under a line. */
export function withAlpha(rgb: string, alpha: number): string {
  return rgb.replace(/\)$/, ` / ${alpha})`);
}

/** The page's font stacks (next/font gives hashed family names, so read them from the CSS variables). */
export function readFontFamilies(): { sans: string; mono: string } {
  const style = getComputedStyle(document.documentElement);
  const sans = style.getPropertyValue("--font-sans").trim();
  const mono = style.getPropertyValue("--font-mono").trim();
  return {
    sans: sans ? `${sans}, ui-sans-serif, system-ui` : "ui-sans-serif, system-ui",
    mono: mono ? `${mono}, ui-monospace` : "ui-monospace, monospace",
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK_STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
];

/**
 * A tick spacing on round clock times giving about `target` ticks over
 * `rangeMs`. The x axis is a linear axis of epoch ms (Chart.js's time axis
 * would need a date-adapter dependency), so round times have to be chosen here.
 */
export function timeTickStep(rangeMs: number, target = 8): number {
  return TICK_STEPS.find((s) => rangeMs / s <= target) ?? DAY * Math.ceil(rangeMs / DAY / target);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A tick label in UTC: "14:05" within a day, "Mar 4" ("3月4日") at midnight of multi-day ranges, "Mar 4 12:00" otherwise. */
export function formatTimeTick(ms: number, rangeMs: number, locale: Locale = "en"): string {
  const d = new Date(ms);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (rangeMs <= DAY) return clock;
  const date = formatMonthDay(d.toISOString(), locale);
  return clock === "00:00" ? date : `${date} ${clock}`;
}

/** The full instant for tooltips: "2025-03-04 14:05:30 UTC". */
export function formatTooltipTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, " UTC");
}

/** The tooltip's look, the same on every chart; each chart keeps its own callbacks and extras. */
export function tooltipLook(fonts: { mono: string }) {
  return {
    backgroundColor: chartColours.tooltipBg,
    borderColor: chartColours.tooltipBorder,
    borderWidth: 1,
    titleColor: chartColours.tooltipTitle,
    bodyColor: chartColours.tooltipBody,
    titleFont: { family: fonts.mono, size: 11, weight: 500 as const },
    bodyFont: { family: fonts.mono, size: 11 },
  };
}

/** Tick labels and grid lines as every axis draws them. */
export function axisLook(fonts: { mono: string }) {
  return {
    tick: { color: chartColours.tick, font: { family: fonts.mono, size: 10 }, padding: 6 },
    grid: { color: chartColours.grid, drawTicks: false },
  };
}

/**
 * A linear x axis of epoch ms in UTC over [from, to], ticks on round clock
 * times (Chart.js would start them at `min`, e.g. 13:37, 13:47, …).
 */
export function timeXAxis(from: number, to: number, fonts: { mono: string }, locale: Locale = "en") {
  const range = to - from;
  const { tick, grid } = axisLook(fonts);
  return {
    type: "linear" as const,
    min: from,
    max: to,
    grid,
    border: { color: chartColours.axis },
    ticks: { ...tick, maxRotation: 0, callback: (v: string | number) => formatTimeTick(Number(v), range, locale) },
    afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
      const step = timeTickStep(range);
      const ticks: { value: number }[] = [];
      for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push({ value: t });
      axis.ticks = ticks;
    },
  };
}
