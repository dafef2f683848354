import type { Locale } from "../i18n/locales";
import { formatNumber } from "./numbers";

// Durations, relative times and dates per interface language. The dashboard
// shows instants in UTC (as the API does), so dates here are formatted in UTC.

type TimeWords = { s: string; min: string; h: string; d: string; justNow: string; ago: (span: string) => string };

// Short unit words rather than Intl.RelativeTimeFormat: its English short
// style says "4 min. ago", and tables here have always read "4 min ago".
const words: Record<Locale, TimeWords> = {
  en: { s: "s", min: "min", h: "h", d: "d", justNow: "just now", ago: (span) => `${span} ago` },
  "zh-CN": { s: "秒", min: "分钟", h: "小时", d: "天", justNow: "刚刚", ago: (span) => `${span}前` },
};

const amount = (n: number, unit: string, locale: Locale) => `${formatNumber(n, locale)} ${unit}`;

/** How long `seconds` is, coarsely and in one unit: "40 s", "4 min", "3 h", "2 d". */
export function formatSpan(seconds: number, locale: Locale): string {
  const w = words[locale];
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return amount(s, w.s, locale);
  if (s < 3600) return amount(Math.round(s / 60), w.min, locale);
  if (s < 86_400) return amount(Math.round(s / 3600), w.h, locale);
  return amount(Math.round(s / 86_400), w.d, locale);
}

/** How long ago `iso` was, relative to `nowMs`, coarsely: "just now", "4 min ago", "3 h ago", "2 d ago". */
export function formatAge(iso: string, nowMs: number, locale: Locale): string {
  const seconds = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (seconds < 45) return words[locale].justNow;
  return words[locale].ago(formatSpan(Math.max(60, seconds), locale));
}

/** How long ago `iso` was without the "ago": "4 min", for "silent 4 min". */
export function formatSilence(iso: string, nowMs: number, locale: Locale): string {
  return formatSpan(Math.max(60, (nowMs - Date.parse(iso)) / 1000), locale);
}

/** A span's length in up to two units, to the minute: "45 min", "2 h 15 min", "3 d 4 h" (meter gaps, energy periods). */
export function formatDuration(ms: number, locale: Locale): string {
  const w = words[locale];
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return amount(minutes, w.min, locale);
  const hours = Math.floor(minutes / 60);
  const two = (a: string, b: string) => `${a} ${b}`;
  if (hours < 48)
    return minutes % 60
      ? two(amount(hours, w.h, locale), amount(minutes % 60, w.min, locale))
      : amount(hours, w.h, locale);
  const days = Math.floor(hours / 24);
  return hours % 24 ? two(amount(days, w.d, locale), amount(hours % 24, w.h, locale)) : amount(days, w.d, locale);
}

/** A duration in seconds as "30 s", "5 min", "2 h" (scrape intervals): exact, in the largest unit that divides it. */
export function formatInterval(seconds: number, locale: Locale): string {
  const w = words[locale];
  if (seconds < 60 || seconds % 60 !== 0) return amount(seconds, w.s, locale);
  if (seconds < 3600 || seconds % 3600 !== 0) return amount(seconds / 60, w.min, locale);
  return amount(seconds / 3600, w.h, locale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options })));
  return format;
}

/** A calendar day ("2026-03-04" or an instant) as month and day: "Mar 4", "3月4日". */
export function formatMonthDay(isoDate: string, locale: Locale): string {
  const instant = isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate;
  return dateFormat(locale, { month: "short", day: "numeric" }).format(new Date(instant));
}
