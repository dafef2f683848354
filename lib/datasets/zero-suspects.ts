import { z } from "zod";
import { formatNumber } from "../format";
import { untranslatedLocale } from "../i18n/locales";

// Exact zeros that look like "not measured". Many public tables (Pima's
// glucose, blood pressure, skin thickness, insulin, BMI) record a missing
// measurement as 0; counted as a value, those zeros drag every statistic and
// the model learns that a glucose of 0 exists. A zero is genuine when it sits
// on the column's own grid (a count of pregnancies: 0, 1, 2, …; a 0/1 flag;
// a capital gain that is often nothing), and suspect when it is a spike far
// below the smallest real value, much further than the values near the bottom
// are from one another (glucose: 0, then 44, 56, 57, 61…; BMI: 0, then 18.2,
// 18.4, 19.1…).

export const ZeroSuspect = z
  .object({
    column: z.string(),
    /** Exact zeros among the column's observed values in the kept rows. */
    zeros: z.number().int(),
    /** zeros / kept rows. */
    share: z.number(),
    /** The smallest value above zero. */
    minNonZero: z.number(),
    /** The typical step between the smallest non-zero values (median of their gaps). */
    spacing: z.number(),
  })
  .meta({ id: "DatasetZeroSuspect", description: "A numeric feature whose exact zeros look like 'not measured'" });
export type ZeroSuspect = z.infer<typeof ZeroSuspect>;

/** How many times the usual step near the bottom the gap above zero must be. Pima's weakest real case (skin, insulin) is 7; a count is 1. */
export const GAP_FACTOR = 5;
/** Fewer distinct non-zero values than this are levels or codes (a 0/1 flag, 0/5/10): no grid to judge a gap against. */
export const MIN_DISTINCT_NON_ZERO = 5;
/** The smallest distinct non-zero values whose gaps give the spacing near the bottom of the column. */
const BOTTOM_VALUES = 11;

/**
 * The suspect record for a numeric column's observed values, or null when its
 * zeros (if any) look genuine: it has none, has negative values (zero is then
 * just a point on the scale, as in banknote's wavelet features), has too few
 * distinct non-zero values to tell, or its zeros sit within GAP_FACTOR steps
 * of the smallest non-zero value.
 */
export function findZeroSuspect(column: string, values: readonly number[], keptRows: number): ZeroSuspect | null {
  let zeros = 0;
  const positive = new Set<number>();
  for (const v of values) {
    if (v < 0) return null;
    if (v === 0) zeros++;
    else positive.add(v);
  }
  if (zeros === 0 || positive.size < MIN_DISTINCT_NON_ZERO) return null;
  const bottom = smallest([...positive], BOTTOM_VALUES);
  // Rounded: 18.4 − 18.2 is 0.1999…96 in binary floating point, and the report shows this number.
  const spacing = +medianOf(bottom.slice(1).map((v, i) => v - bottom[i]!)).toPrecision(12);
  const minNonZero = bottom[0]!;
  if (minNonZero < GAP_FACTOR * spacing) return null;
  return { column, zeros, share: keptRows > 0 ? zeros / keptRows : 0, minNonZero, spacing };
}

function smallest(values: number[], n: number): number[] {
  return values.sort((a, b) => a - b).slice(0, n);
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The report's warning sentence for the suspects, or null when there are none. */
export function describeZeroSuspects(suspects: readonly ZeroSuspect[]): string | null {
  if (suspects.length === 0) return null;
  const total = suspects.reduce((n, s) => n + s.zeros, 0);
  const each = suspects
    .map(
      (s) => `${s.column} (${formatNumber(s.zeros, untranslatedLocale, 3)}, next value ${formatValue(s.minNonZero)})`,
    )
    .join(", ");
  const names = suspects.map((s) => s.column).join(",");
  return (
    `${formatNumber(total, untranslatedLocale, 3)} exact zero${total === 1 ? "" : "s"} in ${each} sit far below every other value and look like "not measured"; ` +
    `they are counted as real values, not as missing. If 0 means missing there, re-clean with zero-means-missing for ${names}`
  );
}

function formatValue(v: number): string {
  return String(+v.toPrecision(4));
}
