import { parseFloatToken, parseIntegerToken } from "./exposition-numbers";

/**
 * Parser for the Prometheus text exposition format (0.0.4) as dcgm-exporter
 * serves it. A hand-written single-pass scanner (charCodeAt/indexOf, no regex
 * per line) because ingest must keep up with whole fleets: a 1,000-GPU page is
 * 20k samples, and the npm library `parse-prometheus-text-format` manages
 * about 50k samples/s (bench/dcgm-parse.bench.ts measures both).
 *
 * Strictness follows Prometheus's own parser (expfmt): label values allow only
 * the escapes \\ \" \n; values are decimal floats, NaN, +Inf or -Inf (no hex);
 * timestamps are integers in ms. Lines end with LF or CRLF. A bad line is
 * reported with its 1-based number and skipped; parsing never throws.
 */

export type DcgmSample = { metric: string; labels: Record<string, string>; value: number; timestampMs: number | null; line: number };
export type ParseResult = { samples: DcgmSample[]; rejected: { line: number; reason: string }[] };

const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE = 34, HASH = 35, COMMA = 44, EQUALS = 61, LBRACE = 123, RBRACE = 125;

export function parseDcgmText(text: string): ParseResult {
  const scanner = new LineScanner(text);
  const samples: DcgmSample[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (let line = 1; scanner.pos < text.length; line++) {
    const sample = scanner.scanLine(line);
    if (sample !== null) samples.push(sample);
    else if (scanner.reason !== null) rejected.push({ line, reason: scanner.reason });
    scanner.skipPastLine();
  }
  return { samples, rejected };
}

type LabelSet = { raw: string; labels: Record<string, string> };

function isLabelNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isMetricNameChar(c: number): boolean {
  return isLabelNameChar(c) || c === 58;
}

function endsMetricName(c: number): boolean {
  return c === SPACE || c === TAB || c === LBRACE || c === LF || c === CR;
}

/**
 * Scans a line from `pos`. The common line is fully predicted by the line
 * before it (same metric name) and by the metric before it (same label sets in
 * the same order), so the hot path compares whole runs of text with strings it
 * already has and never looks for the line's end first: no scanning loop (LF,
 * names, tokens) can pass a line feed, and a predicted run holds none.
 *
 * Runs are compared as `text.slice(a, b) === known`: on Node 20 that is several
 * times faster than `text.startsWith(known, a)`, which walks char by char, and
 * ~10x faster than a Map lookup keyed by the raw text, which must hash it.
 */
class LineScanner {
  pos = 0;
  reason: string | null = null;
  /** End of the current line, excluding a CR before its LF; set only when label sets are parsed in full. */
  private end = 0;
  private prevMetric = "";
  // Label names of the last fully parsed set, by position. Reusing these string
  // objects matters: a fresh slice used as a property key is hashed and looked
  // up in V8's string table on every use, which made full parses 3x slower.
  private readonly prevNames: string[] = [];
  // Label sets of the current and the previous metric, in order of appearance.
  private currentSets: LabelSet[] = [];
  private previousSets: LabelSet[] = [];
  private readonly knownSets = new Map<string, LabelSet>();
  // Last indexOf('"') answer: no quote in [quoteFrom, quoteAt). Reusing it keeps
  // a run of unterminated values from rescanning the rest of the text each time.
  private quoteFrom = Infinity;
  private quoteAt = -1;

  constructor(private readonly text: string) {}

  /** A sample, or null for a blank line, a comment, or a rejected line (then `reason` is set). */
  scanLine(line: number): DcgmSample | null {
    this.reason = null;
    this.skipBlanks();
    if (this.isAtLineEnd() || this.text.charCodeAt(this.pos) === HASH) return null;
    const metric = this.readMetricName();
    if (metric === null) return null;
    this.skipBlanks();
    const labels = this.text.charCodeAt(this.pos) === LBRACE ? this.readLabelSet() : {};
    if (labels === null) return null;
    this.skipBlanks();
    const value = this.readValue();
    if (this.reason !== null) return null;
    const timestampMs = this.readTimestamp();
    if (this.reason !== null) return null;
    return { metric, labels, value, timestampMs, line };
  }

  /** Moves `pos` to the start of the next line. Nothing above moves it past a LF. */
  skipPastLine(): void {
    const newline = this.text.indexOf("\n", this.pos);
    this.pos = newline === -1 ? this.text.length : newline + 1;
  }

  private fail(reason: string): null {
    this.reason = reason;
    return null;
  }

  private skipBlanks(): void {
    const { text } = this;
    let c: number;
    while (this.pos < text.length && ((c = text.charCodeAt(this.pos)) === SPACE || c === TAB)) this.pos++;
  }

  /** At LF, at CR LF, at a CR ending the text, or at the end of the text. */
  private isAtLineEnd(): boolean {
    const { text, pos } = this;
    if (pos >= text.length) return true;
    const c = text.charCodeAt(pos);
    return c === LF || (c === CR && (pos + 1 === text.length || text.charCodeAt(pos + 1) === LF));
  }

  private findLineEnd(from: number): number {
    const newline = this.text.indexOf("\n", from);
    const end = newline === -1 ? this.text.length : newline;
    return end > from && this.text.charCodeAt(end - 1) === CR ? end - 1 : end;
  }

  private readMetricName(): string | null {
    const { text } = this;
    const start = this.pos;
    const prev = this.prevMetric;
    const after = start + prev.length;
    if (prev !== "" && text.slice(start, after) === prev && (after === text.length || endsMetricName(text.charCodeAt(after)))) {
      this.pos = after;
      return prev;
    }
    let p = start;
    while (p < text.length && isMetricNameChar(text.charCodeAt(p))) p++;
    const badAt = p > start && text.charCodeAt(start) <= 57 /* a digit */ ? start : p;
    if (badAt === start || (p < text.length && !endsMetricName(text.charCodeAt(p)))) {
      return this.fail(`invalid metric name: unexpected ${JSON.stringify(text.charAt(badAt))}`);
    }
    this.pos = p;
    // A new metric: its label sets will be predicted from the last one's.
    if (this.currentSets.length > 0) this.previousSets = this.currentSets;
    this.currentSets = [];
    return (this.prevMetric = text.slice(start, p));
  }

  /**
   * The k-th label set of a metric is most likely the k-th of the metric
   * before. If the text here starts with that set's raw text (a complete,
   * valid `{...}` with no line feed), parsing would give the same labels.
   * Failing that (lines in another order), any set seen before is found by its
   * raw text up to the line's last `}`: hashing it costs a tenth of a parse.
   */
  private readLabelSet(): Record<string, string> | null {
    const open = this.pos;
    const guess = this.previousSets[this.currentSets.length];
    if (guess !== undefined && this.text.slice(open, open + guess.raw.length) === guess.raw) return this.reuseLabelSet(guess);
    this.end = this.findLineEnd(open);
    const close = this.text.lastIndexOf("}", this.end - 1);
    const known = close > open ? this.knownSets.get(this.text.slice(open, close + 1)) : undefined;
    if (known !== undefined) return this.reuseLabelSet(known);
    const labels = this.readLabels({});
    if (labels === null) return null;
    const set = { raw: this.text.slice(open, this.pos), labels };
    this.currentSets.push(set);
    this.knownSets.set(set.raw, set);
    return labels;
  }

  private reuseLabelSet(set: LabelSet): Record<string, string> {
    this.pos += set.raw.length;
    this.currentSets.push(set);
    // A copy keeps samples independent; spreading an object of a known shape is cheap.
    return { ...set.labels };
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
      const value = this.readLabelValue();
      if (value === null) return null;
      if (this.isDuplicateName(name, i)) return this.fail(`duplicate label ${name}`);
      // A plain assignment to "__proto__" would set the prototype, not a label.
      if (name === "__proto__") Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
      else labels[name] = value;
      this.skipBlanks();
      if (this.pos >= this.end) return this.fail("unterminated label set");
      const c = text.charCodeAt(this.pos);
      if (c === RBRACE) break;
      if (c !== COMMA) return this.fail(`expected ',' or '}' after the value of label ${name}`);
      this.pos++;
    }
    this.pos++;
    return labels;
  }

  /** Skips blanks, then consumes `code` if it comes next on this line. */
  private skipTo(code: number): boolean {
    this.skipBlanks();
    if (this.pos >= this.end || this.text.charCodeAt(this.pos) !== code) return false;
    this.pos++;
    return true;
  }

  private readLabelName(i: number): string | null {
    const { text, end } = this;
    const start = this.pos;
    const prev = this.prevNames[i];
    // Names are short, so startsWith (which allocates nothing) beats slice + === here.
    if (prev !== undefined && text.startsWith(prev, start) && !isLabelNameChar(text.charCodeAt(start + prev.length))) {
      this.pos = start + prev.length;
      return prev;
    }
    let p = start;
    while (p < end && isLabelNameChar(text.charCodeAt(p))) p++;
    if (p === start || text.charCodeAt(start) <= 57 /* a digit */) return this.fail("invalid label name");
    this.pos = p;
    return (this.prevNames[i] = text.slice(start, p));
  }

  /** Whether `name`, the i-th label of this set, is among the i before it (kept in prevNames). */
  private isDuplicateName(name: string, i: number): boolean {
    for (let j = 0; j < i; j++) if (this.prevNames[j] === name) return true;
    return false;
  }

  /** Reads a label value; `pos` is just past its opening quote. */
  private readLabelValue(): string | null {
    const start = this.pos;
    if (start >= this.quoteFrom && (this.quoteAt === -1 || start <= this.quoteAt)) {
      if (this.quoteAt === -1) return this.fail("unterminated label value");
    } else {
      this.quoteFrom = start;
      this.quoteAt = this.text.indexOf('"', start);
    }
    const close = this.quoteAt;
    if (close === -1 || close >= this.end) return this.fail("unterminated label value");
    const raw = this.text.slice(start, close);
    if (raw.includes("\\")) return this.readEscapedLabelValue();
    this.pos = close + 1;
    return raw;
  }

  /** The slow path for values with escapes; `pos` is just past the opening quote. */
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
      if (c !== 92 /* backslash */) continue;
      if (p + 1 >= end) break;
      const escaped = text.charAt(p + 1);
      if (escaped !== "\\" && escaped !== '"' && escaped !== "n") return this.fail(`invalid escape sequence \\${escaped} in label value`);
      out += text.slice(chunk, p) + (escaped === "n" ? "\n" : escaped);
      chunk = ++p + 1;
    }
    return this.fail("unterminated label value");
  }

  /** The token up to the next blank or line end, as [start, pos). */
  private readToken(): number {
    const { text } = this;
    const start = this.pos;
    let c: number;
    while (this.pos < text.length && (c = text.charCodeAt(this.pos)) !== SPACE && c !== TAB && c !== LF && c !== CR) this.pos++;
    return start;
  }

  private readValue(): number {
    const start = this.readToken();
    const value = start === this.pos ? null : parseFloatToken(this.text, start, this.pos);
    if (value === null) this.fail(start === this.pos ? "missing value" : `invalid value "${this.text.slice(start, this.pos)}"`);
    return value ?? 0;
  }

  private readTimestamp(): number | null {
    this.skipBlanks();
    if (this.isAtLineEnd()) return null;
    const start = this.readToken();
    const ms = parseIntegerToken(this.text, start, this.pos);
    if (ms === null) return this.fail(`invalid timestamp "${this.text.slice(start, this.pos)}"`);
    this.skipBlanks();
    return this.isAtLineEnd() ? ms : this.fail("unexpected text after the timestamp");
  }
}
