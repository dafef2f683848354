// Number formatting for the dataset report: enough digits to compare columns,
// never so many that a table row wraps. `locale` is the reader's.

import { formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

/** 4 significant digits, grouped thousands for large values; "—" when there is no value. */
export function formatStat(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return value.toExponential(2);
  if (abs >= 1e4) return formatNumber(Math.round(value), locale);
  // Below 10,000 there is no grouping, and digits and the decimal point read
  // the same in every interface language: the shortest exact form, as is.
  return String(+value.toPrecision(4));
}

export function formatCount(value: number, locale: Locale): string {
  return formatNumber(value, locale, 3);
}

/** "12.3%" of `total`, or "" when there is nothing to divide by. */
export function formatShare(part: number, total: number, locale: Locale): string {
  return total > 0 ? `${formatNumber((part / total) * 100, locale, 1)}%` : "";
}

/** "652 exact zeros in c1 (5), c2 (35), …": the report's zero suspects in a phrase (`t`: the datasets namespace). */
export function describeZeros(suspects: { column: string; zeros: number }[], t: Translate, locale: Locale): string {
  const total = suspects.reduce((n, s) => n + s.zeros, 0);
  const columns = suspects
    .map((s) => t("zeroCount", { column: s.column, count: formatCount(s.zeros, locale) }))
    .join(t("listSeparator"));
  return t("zeros", { count: total, columns });
}
