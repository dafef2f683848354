import type { Locale } from "../i18n/locales";

// Numbers per interface language. Intl.NumberFormat is costly to build and
// cheap to reuse, so each (locale, options) pair is built once.

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** With thousands separators and at most `maxDecimals` decimals (default 0: a count). */
export function formatNumber(value: number, locale: Locale, maxDecimals = 0): string {
  return numberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value);
}

/** With exactly `decimals` decimals, e.g. a PUE of 1.42 or a cost of 12.30. */
export function formatFixed(value: number, decimals: number, locale: Locale): string {
  return numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Between `minDecimals` and `maxDecimals` decimals, e.g. a tariff of 0.12 or 0.12345 per kWh. */
export function formatDecimals(value: number, minDecimals: number, maxDecimals: number, locale: Locale): string {
  return numberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals }).format(value);
}

/** With `digits` significant digits, for small figures whose size varies a lot: 0.0123, 0.456. */
export function formatSignificant(value: number, digits: number, locale: Locale): string {
  return numberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}
