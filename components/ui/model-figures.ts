// How a model version's figures read on screen, in one place so the registry's
// pages, the dataset page and the compare table agree. Pure functions, usable
// from server components and client islands alike. A figure that is not known
// is never formatted as 0: callers say why instead.

import { formatFixed, formatNumber, formatSpan } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/** Accuracy, F1 and the like (0–1) as a percentage: "78.3%". */
export function formatShare(value: number, locale: Locale): string {
  return `${formatFixed(value * 100, 1, locale)}%`;
}

/** The same figure as a fraction to three places, for comparing versions: "0.783". */
export function formatFraction(value: number, locale: Locale): string {
  return formatFixed(value, 3, locale);
}

/** The splits the catalogue names (models.split.*); any other is shown as it is stored. */
const NAMED_SPLITS = new Set(["test", "validation", "train", "all"]);

/**
 * Which rows accuracy and F1 are on, as a short phrase ("test split",
 * "training data (not held out)"), with a translator of the "models" namespace.
 */
export function splitPhrase(split: string | null, t: Translate): string {
  if (split === null) return t("split.none");
  return NAMED_SPLITS.has(split) ? t(`split.${split}`) : split;
}

/**
 * A difference with its sign always written ("+0.012", "−0.004", "±0"), so a
 * reader sees the direction without reading the colour. `digits` decimals;
 * a difference that rounds to zero is "±0".
 */
export function formatDelta(delta: number, locale: Locale, digits = 3): string {
  const rounded = Number(delta.toFixed(digits));
  if (rounded === 0) return "±0";
  const text = formatFixed(Math.abs(rounded), digits, locale);
  return rounded > 0 ? `+${text}` : `−${text}`;
}

/** Two significant digits below 1, else up to two decimals: short runs use tiny amounts ("0.00042 kWh"). */
function small(value: number, locale: Locale): string {
  if (value === 0) return "0";
  if (Math.abs(value) < 1) return String(Number(value.toPrecision(2)));
  return formatNumber(value, locale, 2);
}

export function formatRunKwh(kwh: number, locale: Locale): string {
  return `${small(kwh, locale)} kWh`;
}

export function formatRunCo2e(kg: number, locale: Locale): string {
  return `${small(kg, locale)} kg CO₂e`;
}

/** "0.00042 USD": the ISO code, as the Energy page writes money. */
export function formatRunCost(cost: number, currency: string | null, locale: Locale): string {
  return currency ? `${small(cost, locale)} ${currency}` : small(cost, locale);
}

/** "1.2 KiB", "3.4 MiB": artifact sizes. */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatFixed(bytes / 1024, 1, locale)} KiB`;
  return `${formatFixed(bytes / 1024 / 1024, 1, locale)} MiB`;
}

/** A duration between two instants, coarsely: "13 s", "4 min 10 s", "2 h 5 min" (in the reader's units). */
export function formatDuration(fromIso: string, toIso: string, locale: Locale): string {
  const s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  // Two units at most, the larger exact (formatSpan rounds a whole amount to itself); a zero rest is left out.
  const [whole, rest] = s < 3600 ? [s - (s % 60), s % 60] : [s - (s % 3600), (s % 3600) - (s % 60)];
  if (s < 60 || rest === 0) return formatSpan(s < 60 ? s : whole, locale);
  return `${formatSpan(whole, locale)} ${formatSpan(rest, locale)}`;
}

/** A version's short name, "v3": an identifier that reads the same in every language. */
export function versionTag(version: number): string {
  return `v${version}`;
}
