// How GPU telemetry readings read on screen, in one place so the GPU page, the
// server page, the Telemetry page and the rack elevation agree on units and
// rounding. The formatting itself is lib/format's; `locale` is the reader's
// interface language (English where a page is not translated yet).
import * as format from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

/** °C, whole degrees: sensors report integers and a decimal would suggest precision they lack. */
export function formatTempC(tempC: number, locale: Locale = "en"): string {
  return format.formatTempC(tempC, locale);
}

/** Watts below 10 kW read as "612 W", above as "12.4 kW". */
export function formatWatts(watts: number, locale: Locale = "en"): string {
  return format.formatWatts(watts, locale);
}

/** Watts as kW with one decimal, for rack and site totals where single watts are noise. */
export function formatKilowatts(watts: number, locale: Locale = "en"): string {
  return format.formatKilowatts(watts, locale);
}

export function formatPct(pct: number, locale: Locale = "en"): string {
  return format.formatPct(pct, locale);
}

/** MiB as dcgm reports framebuffer memory, with thousands separators. */
export function formatMiB(mib: number, locale: Locale = "en"): string {
  return format.formatMiB(mib, locale);
}

/** A plain count with thousands separators. */
export function formatCount(n: number, locale: Locale = "en"): string {
  return format.formatNumber(n, locale);
}

/** How long ago `iso` was, relative to `nowMs`, coarsely: "just now", "4 min ago", "3 h ago", "2 d ago". */
export function formatAge(iso: string, nowMs: number, locale: Locale = "en"): string {
  return format.formatAge(iso, nowMs, locale);
}

/** A duration in seconds as "30 s", "5 min", "2 h" (scrape intervals). */
export function formatInterval(seconds: number, locale: Locale = "en"): string {
  return format.formatInterval(seconds, locale);
}
