// How a model version's figures read on screen, in one place so the registry's
// pages, the dataset page and the compare table agree. Pure functions, usable
// from server components and client islands alike. A figure that is not known
// is never formatted as 0: callers say why instead.

import { formatFixed, formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

const share = { format: (v: number) => formatFixed(v, 1, untranslatedLocale) };
const threeDecimals = { format: (v: number) => formatFixed(v, 3, untranslatedLocale) };

/** Accuracy, F1 and the like (0–1) as a percentage: "78.3%". */
export function formatShare(value: number): string {
  return `${share.format(value * 100)}%`;
}

/** The same figure as a fraction to three places, for comparing versions: "0.783". */
export function formatFraction(value: number): string {
  return threeDecimals.format(value);
}

/** Which rows accuracy and F1 are on, as a short phrase: "test split", "training data (not held out)". */
export function splitPhrase(split: string | null): string {
  switch (split) {
    case "test":
      return "test split";
    case "validation":
      return "validation split";
    case "train":
      return "training data (not held out)";
    case "all":
      return "every row of a dataset";
    case null:
      return "rows not recorded";
    default:
      return split;
  }
}

/**
 * A difference with its sign always written ("+0.012", "−0.004", "±0"), so a
 * reader sees the direction without reading the colour. `digits` decimals;
 * a difference that rounds to zero is "±0".
 */
export function formatDelta(delta: number, digits = 3): string {
  const rounded = Number(delta.toFixed(digits));
  if (rounded === 0) return "±0";
  const text = Math.abs(rounded).toFixed(digits);
  return rounded > 0 ? `+${text}` : `−${text}`;
}

/** Two significant digits below 1, else up to two decimals: short runs use tiny amounts ("0.00042 kWh"). */
function small(value: number): string {
  if (value === 0) return "0";
  if (Math.abs(value) < 1) return String(Number(value.toPrecision(2)));
  return formatNumber(value, untranslatedLocale, 2);
}

export function formatRunKwh(kwh: number): string {
  return `${small(kwh)} kWh`;
}

export function formatRunCo2e(kg: number): string {
  return `${small(kg)} kg CO₂e`;
}

/** "0.00042 USD": the ISO code, as the Energy page writes money. */
export function formatRunCost(cost: number, currency: string | null): string {
  return currency ? `${small(cost)} ${currency}` : small(cost);
}

/** "1.2 KiB", "3.4 MiB": artifact sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A duration between two instants, coarsely: "13 s", "4 min 10 s", "2 h 5 min". */
export function formatDuration(fromIso: string, toIso: string): string {
  const s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
