// How energy figures read on the Energy page, in one place so the cards, the
// tables and the chart's step labels agree on units and rounding. Pure
// functions, usable from server components and client islands alike.

import { formatDecimals, formatFixed } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

const fixed = (digits: number) => ({ format: (v: number) => formatFixed(v, digits, untranslatedLocale) });
const [oneDecimal, twoDecimals] = [fixed(1), fixed(2)];

/** A figure and its unit apart, for headline numbers that set the unit smaller. */
export type Quantity = { value: string; unit: string };

/** "2,800.0 kWh", "3.25 kWh"; from 10 MWh on "12.4 MWh", where single kWh are noise. */
export function kwhQuantity(kwh: number): Quantity {
  if (Math.abs(kwh) >= 10_000) return { value: oneDecimal.format(kwh / 1000), unit: "MWh" };
  return { value: (Math.abs(kwh) >= 100 ? oneDecimal : twoDecimals).format(kwh), unit: "kWh" };
}

export function formatKwh(kwh: number): string {
  const q = kwhQuantity(kwh);
  return `${q.value} ${q.unit}`;
}

/** PUE to two decimals, as the industry quotes it ("1.40"). */
export function formatPue(pue: number): string {
  return twoDecimals.format(pue);
}

/** "588.00 EUR": the ISO code rather than a symbol, since sites bill in different currencies. */
export function moneyQuantity(amount: number, currency: string): Quantity {
  return { value: twoDecimals.format(amount), unit: currency };
}

/** A price per kWh with the precision tariffs are quoted in: "0.21 EUR/kWh", "0.0725 USD/kWh". */
export function formatPricePerKwh(price: number, currency: string): string {
  return `${formatDecimals(price, 2, 5, untranslatedLocale)} ${currency}/kWh`;
}

/** "918.4 kg"; from 10 t on "12.35 t" CO₂e. */
export function co2eQuantity(kg: number): Quantity {
  return Math.abs(kg) >= 10_000
    ? { value: twoDecimals.format(kg / 1000), unit: "t" }
    : { value: oneDecimal.format(kg), unit: "kg" };
}

/** Rack power: "1.20 kW" (two decimals: racks draw a few kW, and tests compare what operators read). */
export function formatKw(watts: number): string {
  return `${twoDecimals.format(watts / 1000)} kW`;
}

export function formatCapPct(pct: number): string {
  return `${oneDecimal.format(pct)} %`;
}

/** A span's length: "45 min", "3 h", "2 h 15 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** How often a meter is read, for sentences: "every 15 min", "hourly", "daily", "every 2 h". */
export function formatReadingInterval(minutes: number): string {
  if (minutes === 60) return "hourly";
  if (minutes === 1440) return "daily";
  return `every ${formatDuration(minutes * 60_000)}`;
}

/** "2026-03-04 10:00 UTC", for hints that name an instant. */
export function formatUtcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
