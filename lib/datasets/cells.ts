/** One cleaned cell: a number (numeric column), a string (categorical), or null (missing). */
export type Cell = number | string | null;

/**
 * Cell texts that mean "no value", compared after trimming. Case matters only
 * for letters: na, NA, N/A, nan, NaN. Anything else is a value (a categorical
 * "None" stays a category).
 */
const MISSING_TOKENS = new Set(["", "?", "na", "n/a", "nan"]);

export function isMissingToken(text: string): boolean {
  return MISSING_TOKENS.has(text.trim().toLowerCase());
}

// Plain decimal notation only: Number() would also take "0x1f", "Infinity" and " ".
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a cell spells, or null when it is not a plain decimal number. */
export function parseNumeric(text: string): number | null {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : null;
}

/**
 * Whether an uploaded cell is missing: a missing token, or, in a column the
 * operator marked zero-means-missing, a number equal to 0 ("0", "0.0").
 */
export function isMissingCell(text: string, isZeroMissing: boolean): boolean {
  return isMissingToken(text) || (isZeroMissing && parseNumeric(text) === 0);
}

/** Labels in a stable order: numerically when every label is a number ("2" before "10"), else by code point. */
export function sortLabels(labels: string[]): string[] {
  const isNumeric = labels.every((l) => parseNumeric(l) !== null);
  return [...labels].sort(
    (a, b) => (isNumeric ? parseNumeric(a)! - parseNumeric(b)! : 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
}
