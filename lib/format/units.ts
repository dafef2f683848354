import type { Locale } from "../i18n/locales";
import { formatFixed, formatNumber } from "./numbers";

// Physical units as the dashboard shows them, in every language. SI symbols
// are the same in Chinese (W, kWh, °C, GiB), so only the number changes with
// the locale; the precision is each unit's own and never the caller's.

/** °C, whole degrees: sensors report integers and a decimal would suggest precision they lack. */
export function formatTempC(tempC: number, locale: Locale): string {
  return `${formatNumber(tempC, locale)} °C`;
}

/** Watts below 10 kW read as "612 W", above as "12.4 kW". */
export function formatWatts(watts: number, locale: Locale): string {
  return Math.abs(watts) >= 10_000 ? `${formatFixed(watts / 1000, 1, locale)} kW` : `${formatNumber(watts, locale)} W`;
}

/** Watts as kW with one decimal, for rack and site totals where single watts are noise. */
export function formatKilowatts(watts: number, locale: Locale): string {
  return `${formatFixed(watts / 1000, 1, locale)} kW`;
}

/** A power cap or rating already in kW, as configured ("12.5 kW", "40 kW"). */
export function formatKw(kw: number, locale: Locale): string {
  return `${formatNumber(kw, locale, 3)} kW`;
}

/** Energy in kWh with `decimals` decimals (one by default). */
export function formatKwh(kwh: number, locale: Locale, decimals = 1): string {
  return `${formatFixed(kwh, decimals, locale)} kWh`;
}

/** A percentage already on 0–100, whole: "87 %". */
export function formatPct(pct: number, locale: Locale): string {
  return `${formatNumber(pct, locale)} %`;
}

/** A share on 0–1 as a percentage with one decimal: "12.5%". */
export function formatShare(fraction: number, locale: Locale, decimals = 1): string {
  return `${formatFixed(fraction * 100, decimals, locale)}%`;
}

/** MiB as dcgm reports framebuffer memory, with thousands separators. */
export function formatMiB(mib: number, locale: Locale): string {
  return `${formatNumber(mib, locale)} MiB`;
}

/** MiB shown as GiB with one decimal ("79.6 GiB"), for memory sizes people compare by eye. */
export function formatGiB(mib: number, locale: Locale): string {
  return `${formatFixed(mib / 1024, 1, locale)} GiB`;
}

/** Milliseconds of latency, whole: "42 ms". */
export function formatMs(ms: number, locale: Locale): string {
  return `${formatNumber(ms, locale)} ms`;
}
