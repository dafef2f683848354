/**
 * Numbers of the Prometheus text format, read in place from [start, stop) of a
 * larger text, or of its UTF-8 bytes. Number() alone would also accept hex
 * ("0x1F"), "Infinity", padding blanks and the empty string (as 0), so the
 * grammar is checked here.
 */

const PLUS = 43,
  MINUS = 45,
  DOT = 46;

// 10^0 … 10^15, all exact doubles.
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

// Only for tokens the grammar has already accepted, which are ASCII.
const asciiDecoder = new TextDecoder();

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A Go-style decimal float, NaN, Inf, +Inf or -Inf; null for anything else (hex included). */
export function parseFloatToken(text: string, start: number, stop: number): number | null {
  let p = start;
  let c = text.charCodeAt(p);
  const isNegative = c === MINUS;
  if (c === PLUS || c === MINUS) p++;
  if (stop - p === 3 && text.startsWith("Inf", p)) return isNegative ? -Infinity : Infinity;
  if (stop - start === 3 && text.startsWith("NaN", start)) return NaN;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  for (; p < stop && isDigit((c = text.charCodeAt(p))); p++, digits++) mantissa = mantissa * 10 + (c - 48);
  if (p < stop && c === DOT) {
    for (p++; p < stop && isDigit((c = text.charCodeAt(p))); p++, digits++, fractionDigits++)
      mantissa = mantissa * 10 + (c - 48);
  }
  if (digits === 0) return null;
  const hasExponent = p < stop && (c | 32) === 101; // e or E
  if (hasExponent ? !isExponent(text, p + 1, stop) : p !== stop) return null;
  if (!hasExponent && digits <= 15) return exactValue(mantissa, fractionDigits, isNegative);
  return Number(text.slice(start, stop));
}

/** parseFloatToken on UTF-8 bytes, without decoding them unless Number() is needed. */
export function parseFloatBytes(bytes: Uint8Array, start: number, stop: number): number | null {
  let p = start;
  let c = bytes[p]!;
  const isNegative = c === MINUS;
  if (c === PLUS || c === MINUS) p++;
  if (stop - p === 3 && bytes[p] === 73 && bytes[p + 1] === 110 && bytes[p + 2] === 102)
    return isNegative ? -Infinity : Infinity; // Inf
  if (stop - start === 3 && bytes[start] === 78 && bytes[start + 1] === 97 && bytes[start + 2] === 78) return NaN; // NaN
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  for (; p < stop && isDigit((c = bytes[p]!)); p++, digits++) mantissa = mantissa * 10 + (c - 48);
  if (p < stop && c === DOT) {
    for (p++; p < stop && isDigit((c = bytes[p]!)); p++, digits++, fractionDigits++)
      mantissa = mantissa * 10 + (c - 48);
  }
  if (digits === 0) return null;
  const hasExponent = p < stop && (c | 32) === 101; // e or E
  if (hasExponent ? !isExponentBytes(bytes, p + 1, stop) : p !== stop) return null;
  if (!hasExponent && digits <= 15) return exactValue(mantissa, fractionDigits, isNegative);
  return Number(asciiDecoder.decode(bytes.subarray(start, stop)));
}

/**
 * With at most 15 digits the mantissa and the power of ten are exact doubles,
 * so one division is correctly rounded (Clinger's fast path) and equals
 * Number(token) without allocating the token.
 */
function exactValue(mantissa: number, fractionDigits: number, isNegative: boolean): number {
  const value = fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits]!;
  return isNegative ? -value : value;
}

/** [+-]digits (a timestamp in ms); null for anything else. */
export function parseIntegerToken(text: string, start: number, stop: number): number | null {
  const c = text.charCodeAt(start);
  const p = c === PLUS || c === MINUS ? start + 1 : start;
  if (p >= stop) return null;
  for (let i = p; i < stop; i++) if (!isDigit(text.charCodeAt(i))) return null;
  return Number(text.slice(start, stop));
}

/** parseIntegerToken on UTF-8 bytes. */
export function parseIntegerBytes(bytes: Uint8Array, start: number, stop: number): number | null {
  const c = bytes[start];
  const p = c === PLUS || c === MINUS ? start + 1 : start;
  if (p >= stop) return null;
  let value = 0;
  for (let i = p; i < stop; i++) {
    const digit = bytes[i]! - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  // Up to 15 digits the sum is exact; Number() rounds longer ones correctly.
  if (stop - p > 15) return Number(asciiDecoder.decode(bytes.subarray(start, stop)));
  return c === MINUS ? -value : value;
}

/** True if text[p, stop) is an exponent's [+-]digits. */
function isExponent(text: string, p: number, stop: number): boolean {
  const c = text.charCodeAt(p);
  if (c === PLUS || c === MINUS) p++;
  if (p >= stop) return false;
  for (; p < stop; p++) if (!isDigit(text.charCodeAt(p))) return false;
  return true;
}

function isExponentBytes(bytes: Uint8Array, p: number, stop: number): boolean {
  const c = bytes[p];
  if (c === PLUS || c === MINUS) p++;
  if (p >= stop) return false;
  for (; p < stop; p++) if (!isDigit(bytes[p]!)) return false;
  return true;
}
