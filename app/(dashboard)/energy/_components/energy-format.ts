// How energy figures read on the Energy page, in one place so the cards, the
// tables and the chart's step labels agree on units and rounding. Pure
// functions of the reader's locale, usable from server components and client
// islands alike; sentences around them are the catalogue's (messages/*/energy.json).

import { formatDecimals, formatDuration as formatSpanLength, formatFixed, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

const oneDecimal = (v: number, locale: Locale) => formatFixed(v, 1, locale);
const twoDecimals = (v: number, locale: Locale) => formatFixed(v, 2, locale);

/** A figure and its unit apart, for headline numbers that set the unit smaller. */
export type Quantity = { value: string; unit: string };

/** "2,800.0 kWh", "3.25 kWh"; from 10 MWh on "12.4 MWh", where single kWh are noise. */
export function kwhQuantity(kwh: number, locale: Locale): Quantity {
  if (Math.abs(kwh) >= 10_000) return { value: oneDecimal(kwh / 1000, locale), unit: "MWh" };
  return { value: (Math.abs(kwh) >= 100 ? oneDecimal : twoDecimals)(kwh, locale), unit: "kWh" };
}

export function formatKwh(kwh: number, locale: Locale): string {
  const q = kwhQuantity(kwh, locale);
  return `${q.value} ${q.unit}`;
}

/** PUE to two decimals, as the industry quotes it ("1.40"). */
export function formatPue(pue: number, locale: Locale): string {
  return twoDecimals(pue, locale);
}

/** "588.00 EUR": the ISO code rather than a symbol, since sites bill in different currencies. */
export function moneyQuantity(amount: number, currency: string, locale: Locale): Quantity {
  return { value: twoDecimals(amount, locale), unit: currency };
}

/** A price per kWh with the precision tariffs are quoted in: "0.21 EUR/kWh", "0.0725 USD/kWh". */
export function formatPricePerKwh(price: number, currency: string, locale: Locale): string {
  return `${formatDecimals(price, 2, 5, locale)} ${currency}/kWh`;
}

/** Grid carbon intensity as configured: "350 g/kWh". */
export function formatIntensity(gPerKwh: number, locale: Locale, unit = "g/kWh"): string {
  return `${formatNumber(gPerKwh, locale, 3)} ${unit}`;
}

/** "918.4 kg"; from 10 t on "12.35 t" CO₂e. */
export function co2eQuantity(kg: number, locale: Locale): Quantity {
  return Math.abs(kg) >= 10_000
    ? { value: twoDecimals(kg / 1000, locale), unit: "t" }
    : { value: oneDecimal(kg, locale), unit: "kg" };
}

/** Rack power: "1.20 kW" (two decimals: racks draw a few kW, and tests compare what operators read). */
export function formatKw(watts: number, locale: Locale): string {
  return `${twoDecimals(watts / 1000, locale)} kW`;
}

export function formatCapPct(pct: number, locale: Locale): string {
  return `${oneDecimal(pct, locale)} %`;
}

/** A span's length: "45 min", "3 h", "2 h 15 min", "3 d 4 h". */
export function formatDuration(ms: number, locale: Locale): string {
  return formatSpanLength(ms, locale);
}

/** How often a meter is read, for sentences: "every 15 min", "hourly", "daily", "every 2 h" (`t` is energy.interval). */
export function formatReadingInterval(minutes: number, t: Translate, locale: Locale): string {
  if (minutes === 60) return t("hourly");
  if (minutes === 1440) return t("daily");
  return t("every", { span: formatDuration(minutes * 60_000, locale) });
}

/** "2026-03-04 10:00 UTC", for hints that name an instant: the same in every language, as the API writes it. */
export function formatUtcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
