// Number formatting for the dataset report: enough digits to compare columns,
// never so many that a table row wraps.

import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

/** 4 significant digits, grouped thousands for large values; "—" when there is no value. */
export function formatStat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return value.toExponential(2);
  if (abs >= 1e4) return formatNumber(Math.round(value), untranslatedLocale);
  return String(+value.toPrecision(4));
}

export function formatCount(value: number): string {
  return formatNumber(value, untranslatedLocale, 3);
}

/** "12.3%" of `total`, or "" when there is nothing to divide by. */
export function formatShare(part: number, total: number): string {
  return total > 0 ? `${+((part / total) * 100).toFixed(1)}%` : "";
}

/** "652 exact zeros in c1 (5), c2 (35), …": the report's zero suspects in a phrase. */
export function describeZeros(suspects: { column: string; zeros: number }[]): string {
  const total = suspects.reduce((n, s) => n + s.zeros, 0);
  return `${formatCount(total)} exact zero${total === 1 ? "" : "s"} in ${suspects.map((s) => `${s.column} (${formatCount(s.zeros)})`).join(", ")}`;
}
