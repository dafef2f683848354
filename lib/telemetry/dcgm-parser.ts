/**
 * Parser for the Prometheus text exposition format (0.0.4) as dcgm-exporter
 * serves it. A hand-written single-pass scanner (charCodeAt/indexOf, no regex
 * per line) because ingest must keep up with whole fleets: a 1,000-GPU page is
 * ~20k samples, and the npm library `parse-prometheus-text-format` manages
 * about 65k samples/s (bench/dcgm-parse.bench.ts measures both).
 *
 * Strictness follows Prometheus's own parser (expfmt): label values allow only
 * the escapes \\ \" \n; values are decimal floats, NaN, +Inf or -Inf (no hex);
 * timestamps are integers in ms. A bad line is reported and skipped, never thrown.
 */

export type DcgmSample = { metric: string; labels: Record<string, string>; value: number; timestampMs: number | null; line: number };
export type ParseResult = { samples: DcgmSample[]; rejected: { line: number; reason: string }[] };

const TAB = 9, CR = 13, SPACE = 32, QUOTE = 34, HASH = 35, PLUS = 43, COMMA = 44, MINUS = 45, DOT = 46;
const EQUALS = 61, BACKSLASH = 92, LBRACE = 123, RBRACE = 125;

export function parseDcgmText(text: string): ParseResult {
  const scanner = new LineScanner(text);
  const samples: DcgmSample[] = [];
  const rejected: { line: number; reason: string }[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    line++;
    let newline = text.indexOf("\n", start);
    if (newline === -1) newline = text.length;
    // The format says LF; accept CRLF by treating a CR before the LF as line end.
    const end = newline > start && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    const sample = scanner.scanLine(start, end, line);
    if (sample !== null) samples.push(sample);
    else if (scanner.reason !== null) rejected.push({ line, reason: scanner.reason });
    start = newline + 1;
  }
  return { samples, rejected };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLabelNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

function isMetricNameChar(c: number): boolean {
  return isLabelNameChar(c) || c === 58;
}

function endsMetricName(c: number): boolean {
  return c === SPACE || c === TAB || c === LBRACE;
}

type LabelSet = { raw: string; labels: Record<string, string> };

/**
 * Scans one line at a time. Consecutive lines of a /metrics page repeat the
 * same metric name, label names and most label values, so each is first
 * compared with the previous line's string at the same position; a match
 * reuses that string instead of scanning and allocating a new one.
 *
 * Comparisons are `text.slice(a, b) === known`: on Node 20 that is several
 * times faster than `text.startsWith(known, a)`, which walks char by char.
 */
class LineScanner {
  reason: string | null = null;
  private pos = 0;
  private end = 0;
  private prevMetric = "";
  private readonly prevNames: string[] = [];
  private readonly prevValues: (string | undefined)[] = [];
  // Label sets of the current and the previous metric, in order of appearance.
  private currentSets: LabelSet[] = [];
  private previousSets: LabelSet[] = [];
  // Last indexOf answers: no quote/backslash in [from, at). Reusing them keeps a
  // run of unterminated values from rescanning the rest of the text each time.
  private quoteFrom = Infinity;
  private quoteAt = -1;
  private backslashFrom = Infinity;
  private backslashAt = -1;

  constructor(private readonly text: string) {}

  /** A sample, or null for a blank line, a comment, or a rejected line (then `reason` is set). */
  scanLine(start: number, end: number, line: number): DcgmSample | null {
    this.reason = null;
    this.pos = start;
    this.end = end;
    this.skipBlanks();
    if (this.pos === end || this.text.charCodeAt(this.pos) === HASH) return null;
    const metric = this.readMetricName();
    if (metric === null) return null;
    let labels: Record<string, string> | null = {};
    this.skipBlanks();
    if (this.pos < end && this.text.charCodeAt(this.pos) === LBRACE) {
      labels = this.readLabelSet();
      if (labels === null) return null;
      this.skipBlanks();
    }
    const value = this.readValue();
    if (this.reason !== null) return null;
    const timestampMs = this.readTimestamp();
    if (this.reason !== null) return null;
    return { metric, labels, value, timestampMs, line };
  }

  private fail(reason: string): null {
    this.reason = reason;
    return null;
  }

  private skipBlanks(): void {
    let c: number;
    while (this.pos < this.end && ((c = this.text.charCodeAt(this.pos)) === SPACE || c === TAB)) this.pos++;
  }

  private readMetricName(): string | null {
    const { text, end } = this;
    const start = this.pos;
    const prev = this.prevMetric;
    const after = start + prev.length;
    if (prev !== "" && after <= end && text.slice(start, after) === prev && (after === end || endsMetricName(text.charCodeAt(after)))) {
      this.pos = after;
      return prev;
    }
    let p = start;
    while (p < end && isMetricNameChar(text.charCodeAt(p))) p++;
    if (p === start || isDigit(text.charCodeAt(start)) || (p < end && !endsMetricName(text.charCodeAt(p)))) {
      return this.fail(`invalid metric name at column ${p - start + 1}`);
    }
    this.pos = p;
    if (this.currentSets.length > 0) this.previousSets = this.currentSets;
    this.currentSets = [];
    return (this.prevMetric = text.slice(start, p));
  }

  /**
   * A /metrics page lists the same GPUs in the same order under every metric,
   * so the k-th label set of this metric is most likely the k-th of the one
   * before. If the text here starts with that set's raw text (a complete,
   * valid `{...}`), parsing it again would give the same labels: copy them.
   * (A Map keyed by the raw text was 10x slower: it hashes ~250 chars a line.)
   */
  private readLabelSet(): Record<string, string> | null {
    const open = this.pos;
    const guess = this.previousSets[this.currentSets.length];
    const stop = guess === undefined ? -1 : open + guess.raw.length;
    if (guess !== undefined && stop <= this.end && this.text.slice(open, stop) === guess.raw) {
      this.pos = stop;
      this.currentSets.push(guess);
      // A copy keeps samples independent; spreading an object of a known shape is cheap.
      return { ...guess.labels };
    }
    const labels = this.readLabels({});
    if (labels !== null) this.currentSets.push({ raw: this.text.slice(open, this.pos), labels });
    return labels;
  }

  /** Reads `{name="value",...}` into labels; null (with reason) on a malformed set. */
  private readLabels(labels: Record<string, string>): Record<string, string> | null {
    const { text } = this;
    this.pos++;
    for (let i = 0; ; i++) {
      this.skipBlanks();
      if (this.pos >= this.end) return this.fail("unterminated label set");
      if (text.charCodeAt(this.pos) === RBRACE) break;
      const name = this.readLabelName(i);
      if (name === null) return null;
      if (!this.skipTo(EQUALS)) return this.fail(`expected '=' after label name ${name}`);
      if (!this.skipTo(QUOTE)) return this.fail(`expected '"' to open the value of label ${name}`);
      const value = this.readLabelValue(i);
      if (value === null) return null;
      if (Object.hasOwn(labels, name)) return this.fail(`duplicate label ${name}`);
      // A plain assignment to "__proto__" would set the prototype, not a label.
      if (name === "__proto__") Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
      else labels[name] = value;
      this.skipBlanks();
      const c = this.pos < this.end ? text.charCodeAt(this.pos) : -1;
      if (c === RBRACE) break;
      if (c !== COMMA) return this.fail(`expected ',' or '}' after the value of label ${name}`);
      this.pos++;
    }
    this.pos++;
    return labels;
  }

  /** Skips blanks, then consumes `code` if it comes next. */
  private skipTo(code: number): boolean {
    this.skipBlanks();
    if (this.pos < this.end && this.text.charCodeAt(this.pos) === code) {
      this.pos++;
      return true;
    }
    return false;
  }

  private readLabelName(i: number): string | null {
    const { text, end } = this;
    const start = this.pos;
    const prev = this.prevNames[i];
    if (prev !== undefined && text.slice(start, start + prev.length) === prev && !isLabelNameChar(text.charCodeAt(start + prev.length))) {
      this.pos = start + prev.length;
      return prev;
    }
    let p = start;
    while (p < end && isLabelNameChar(text.charCodeAt(p))) p++;
    if (p === start || isDigit(text.charCodeAt(start))) return this.fail("invalid label name");
    this.pos = p;
    return (this.prevNames[i] = text.slice(start, p));
  }

  /** Reads a label value; `pos` is just past its opening quote. */
  private readLabelValue(i: number): string | null {
    const { text, end } = this;
    const start = this.pos;
    const prev = this.prevValues[i];
    // prev holds no quote, backslash or newline, so a quote right after it closes this value.
    if (prev !== undefined && start + prev.length < end && text.charCodeAt(start + prev.length) === QUOTE && text.slice(start, start + prev.length) === prev) {
      this.pos = start + prev.length + 1;
      return prev;
    }
    const close = this.indexOfQuote(start);
    if (close === -1 || close >= end) return this.fail("unterminated label value");
    const backslash = this.indexOfBackslash(start);
    if (backslash !== -1 && backslash < close) {
      this.prevValues[i] = undefined;
      return this.readEscapedLabelValue();
    }
    this.pos = close + 1;
    return (this.prevValues[i] = text.slice(start, close));
  }

  /** The slow path for values with escapes; rare on real pages. */
  private readEscapedLabelValue(): string | null {
    const { text, end } = this;
    let out = "";
    let chunk = this.pos;
    for (let p = this.pos; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) {
        this.pos = p + 1;
        return out + text.slice(chunk, p);
      }
      if (c !== BACKSLASH) continue;
      if (p + 1 >= end) break;
      const e = text[p + 1];
      if (e !== "\\" && e !== '"' && e !== "n") return this.fail(`invalid escape sequence \\${e} in label value`);
      out += text.slice(chunk, p) + (e === "n" ? "\n" : e);
      chunk = ++p + 1;
    }
    return this.fail("unterminated label value");
  }

  private indexOfQuote(from: number): number {
    if (from < this.quoteFrom || (this.quoteAt !== -1 && from > this.quoteAt)) {
      this.quoteFrom = from;
      this.quoteAt = this.text.indexOf('"', from);
    }
    return this.quoteAt;
  }

  private indexOfBackslash(from: number): number {
    if (from < this.backslashFrom || (this.backslashAt !== -1 && from > this.backslashAt)) {
      this.backslashFrom = from;
      this.backslashAt = this.text.indexOf("\\", from);
    }
    return this.backslashAt;
  }

  /** The token up to the next blank, as [start, stop). */
  private readToken(): number {
    const start = this.pos;
    let c: number;
    while (this.pos < this.end && (c = this.text.charCodeAt(this.pos)) !== SPACE && c !== TAB) this.pos++;
    return start;
  }

  private readValue(): number {
    const start = this.readToken();
    if (start === this.pos) {
      this.fail("missing value");
      return 0;
    }
    const value = parseFloatToken(this.text, start, this.pos);
    if (value === null) this.fail(`invalid value "${this.text.slice(start, this.pos)}"`);
    return value ?? 0;
  }

  private readTimestamp(): number | null {
    this.skipBlanks();
    if (this.pos === this.end) return null;
    const start = this.readToken();
    const ms = parseIntegerToken(this.text, start, this.pos);
    if (ms === null) return this.fail(`invalid timestamp "${this.text.slice(start, this.pos)}"`);
    this.skipBlanks();
    if (this.pos < this.end) return this.fail("unexpected text after the timestamp");
    return ms;
  }
}

/** [+-]digits; null if anything else. */
function parseIntegerToken(text: string, start: number, stop: number): number | null {
  const c = text.charCodeAt(start);
  const p = c === PLUS || c === MINUS ? start + 1 : start;
  if (p === stop) return null;
  for (let i = p; i < stop; i++) if (!isDigit(text.charCodeAt(i))) return null;
  return Number(text.slice(start, stop));
}

/**
 * Go-style decimal float, NaN, Inf, +Inf or -Inf; null for anything else.
 * Number() alone would accept hex, "Infinity" and blanks, so the grammar is
 * checked here first.
 */
function parseFloatToken(text: string, start: number, stop: number): number | null {
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
    for (p++; p < stop && isDigit((c = text.charCodeAt(p))); p++, digits++, fractionDigits++) mantissa = mantissa * 10 + (c - 48);
  }
  if (digits === 0) return null;
  const hasExponent = p < stop && (c | 32) === 101; // e or E
  if (hasExponent && !skipExponent(text, p + 1, stop)) return null;
  if (!hasExponent && p !== stop) return null;
  // Up to 15 digits the mantissa and the power of ten are exact doubles, so one
  // division is correctly rounded (Clinger's fast path) and equals Number(token).
  if (!hasExponent && digits <= 15) {
    const value = fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits]!;
    return isNegative ? -value : value;
  }
  return Number(text.slice(start, stop));
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** True if text[p, stop) is an exponent's [+-]digits. */
function skipExponent(text: string, p: number, stop: number): boolean {
  const c = text.charCodeAt(p);
  if (c === PLUS || c === MINUS) p++;
  if (p === stop) return false;
  for (; p < stop; p++) if (!isDigit(text.charCodeAt(p))) return false;
  return true;
}
