/** The grammar of the Prometheus text format, over a text or a byte scanner (./parser.ts). */

export type Labels = Readonly<Record<string, string>>;
export type DcgmSample = { metric: string; labels: Labels; value: number; timestampMs: number | null; line: number };
export type Rejection = { line: number; reason: string };
export type ParseResult = { samples: DcgmSample[]; rejected: Rejection[] };
/**
 * Receives each sample as it is read. Ingest takes samples this way: an object
 * per sample (and a heap number for its value) was most of the garbage of a
 * 10,000-sample POST.
 */
export type SampleVisitor = (
  metric: string,
  labels: Labels,
  value: number,
  timestampMs: number | null,
  line: number,
) => void;

export const TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  QUOTE = 34,
  HASH = 35,
  COMMA = 44,
  EQUALS = 61,
  BACKSLASH = 92,
  LBRACE = 123,
  RBRACE = 125;

/** Visits every sample in input order; returns the rejected lines. */
export function scanSamples(scanner: LineScanner<LabelSet>, length: number, visit: SampleVisitor): Rejection[] {
  const rejected: Rejection[] = [];
  for (let line = 1; scanner.pos < length; line++) {
    if (scanner.scanLine()) visit(scanner.metric, scanner.labels, scanner.value, scanner.timestampMs, line);
    else if (scanner.reason !== null) rejected.push({ line, reason: scanner.reason });
    scanner.skipPastLine();
  }
  return rejected;
}

export function scanLines(scanner: LineScanner<LabelSet>, length: number): ParseResult {
  const samples: DcgmSample[] = [];
  const rejected = scanSamples(scanner, length, (metric, labels, value, timestampMs, line) =>
    samples.push({ metric, labels, value, timestampMs, line }),
  );
  return { samples, rejected };
}

export const NO_LABELS: Labels = Object.freeze({});

/** A label set as it was first read: [start, start + size) of the input, from `{` to `}`. */
export type LabelSet = { start: number; size: number; labels: Labels };

export function isLabelNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export function isMetricNameChar(c: number): boolean {
  return isLabelNameChar(c) || c === 58;
}

export function endsMetricName(c: number): boolean {
  return c === SPACE || c === TAB || c === LBRACE || c === LF || c === CR;
}

/**
 * Scans a line from `pos`. The common line is fully predicted by the line
 * before it (same metric name) and by the metric before it (same label sets in
 * the same order), so the hot path compares whole runs of input with ones it
 * already has and never looks for the line's end first: no scanning loop (LF,
 * names, tokens) can pass a line feed, and a predicted run holds none.
 *
 * The grammar lives here, once; the subclasses read a string (TextScanner) or
 * its UTF-8 bytes (ByteScanner), positions being code units or bytes. A process
 * that uses both parsers pays for that with 5-10% on each: the calls made from
 * here then see two classes.
 */
export abstract class LineScanner<S extends LabelSet> {
  pos = 0;
  reason: string | null = null;
  // The sample scanLine read last (valid when it returned true).
  metric = "";
  labels: Labels = NO_LABELS;
  value = 0;
  timestampMs: number | null = null;
  /** End of the current line, excluding a CR before its LF; set only when label sets are parsed in full. */
  protected end = 0;
  protected prevMetric = "";
  // Label names of the last fully parsed set, by position. Reusing these string
  // objects matters: a fresh slice used as a property key is hashed and looked
  // up in V8's string table on every use, which made full parses 3x slower.
  protected readonly prevNames: string[] = [];
  // Label sets of the current and the previous metric, in order of appearance.
  private currentSets: S[] = [];
  private previousSets: S[] = [];

  /** The code unit or byte at p; NaN past the end. */
  protected abstract at(p: number): number;
  /** The input in [start, stop) as a string; [start, stop) never splits a character. */
  protected abstract slice(start: number, stop: number): string;
  /** What text.charAt(p) is in the decoded text. */
  protected abstract charAt(p: number): string;
  protected abstract startsWithSet(p: number, set: S): boolean;
  /** The set seen before whose input is exactly [start, stop). */
  protected abstract findSet(start: number, stop: number): S | undefined;
  /** Remembers a new set, read from [start, stop), for findSet. */
  protected abstract addSet(start: number, stop: number, labels: Labels): S;
  protected abstract skipBlanks(): void;
  /** At LF, at CR LF, at a CR ending the input, or at the end of the input. */
  protected abstract isAtLineEnd(): boolean;
  /** Moves `pos` to the start of the next line. Nothing else moves it past a LF. */
  abstract skipPastLine(): void;
  protected abstract findLineEnd(from: number): number;
  /** The last `}` in (open, end), or -1. */
  protected abstract lastClosingBrace(open: number, end: number): number;
  protected abstract readMetricName(): string | null;
  protected abstract readLabelName(i: number): string | null;
  /** Reads a label value; `pos` is just past its opening quote. */
  protected abstract readLabelValue(): string | null;
  /** The token up to the next blank or line end, as [start, pos). */
  protected abstract readToken(): number;
  protected abstract parseValue(start: number, stop: number): number | null;
  protected abstract parseTimestamp(start: number, stop: number): number | null;

  /**
   * Reads a line's sample into metric, labels, value and timestampMs: true for
   * a sample, false for a blank line, a comment, or a rejected line (then
   * `reason` is set).
   */
  scanLine(): boolean {
    this.reason = null;
    this.skipBlanks();
    if (this.isAtLineEnd() || this.at(this.pos) === HASH) return false;
    const metric = this.readMetricName();
    if (metric === null) return false;
    this.skipBlanks();
    const labels = this.at(this.pos) === LBRACE ? this.readLabelSet() : NO_LABELS;
    if (labels === null) return false;
    this.skipBlanks();
    const value = this.readValue();
    if (this.reason !== null) return false;
    const timestampMs = this.readTimestamp();
    if (this.reason !== null) return false;
    this.metric = metric;
    this.labels = labels;
    this.value = value;
    this.timestampMs = timestampMs;
    return true;
  }

  protected fail(reason: string): null {
    this.reason = reason;
    return null;
  }

  protected failMetricName(badAt: number): null {
    return this.fail(`invalid metric name: unexpected ${JSON.stringify(this.charAt(badAt))}`);
  }

  protected failEscape(at: number): null {
    return this.fail(`invalid escape sequence \\${this.charAt(at)} in label value`);
  }

  /** A metric name other than the last one's: its label sets will be predicted from the last one's. */
  protected startMetric(name: string): string {
    if (this.currentSets.length > 0) this.previousSets = this.currentSets;
    this.currentSets = [];
    return (this.prevMetric = name);
  }

  /**
   * The k-th label set of a metric is most likely the k-th of the metric
   * before. If the input here starts with that set's raw input (a complete,
   * valid `{...}` with no line feed), parsing would give the same labels.
   * Failing that (lines in another order), any set seen before is found by its
   * input up to the line's last `}`: hashing it costs a tenth of a parse.
   */
  private readLabelSet(): Labels | null {
    const open = this.pos;
    const guess = this.previousSets[this.currentSets.length];
    if (guess !== undefined && this.startsWithSet(open, guess)) return this.reuseLabelSet(guess);
    this.end = this.findLineEnd(open);
    const close = this.lastClosingBrace(open, this.end);
    const known = close === -1 ? undefined : this.findSet(open, close + 1);
    if (known !== undefined) return this.reuseLabelSet(known);
    const labels = this.readLabels({});
    if (labels === null) return null;
    // Frozen and shared by every sample with this label set: a page repeats
    // each set once per metric, and a copy per sample was most of the parser's
    // garbage.
    const set = this.addSet(open, this.pos, Object.freeze(labels));
    this.currentSets.push(set);
    return set.labels;
  }

  private reuseLabelSet(set: S): Labels {
    this.pos += set.size;
    this.currentSets.push(set);
    return set.labels;
  }

  /** Reads `{name="value",...}` into labels; null (with reason) on a malformed set. */
  private readLabels(labels: Record<string, string>): Record<string, string> | null {
    this.pos++;
    for (let i = 0; ; i++) {
      this.skipBlanks();
      if (this.pos >= this.end) return this.fail("unterminated label set");
      if (this.at(this.pos) === RBRACE) break;
      const name = this.readLabelName(i);
      if (name === null) return null;
      if (!this.skipTo(EQUALS)) return this.fail(`expected '=' after label name ${name}`);
      if (!this.skipTo(QUOTE)) return this.fail(`expected '"' to open the value of label ${name}`);
      const value = this.readLabelValue();
      if (value === null) return null;
      if (this.isDuplicateName(name, i)) return this.fail(`duplicate label ${name}`);
      // A plain assignment to "__proto__" would set the prototype, not a label.
      if (name === "__proto__")
        Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
      else labels[name] = value;
      this.skipBlanks();
      if (this.pos >= this.end) return this.fail("unterminated label set");
      const c = this.at(this.pos);
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
    if (this.pos >= this.end || this.at(this.pos) !== code) return false;
    this.pos++;
    return true;
  }

  /** Whether `name`, the i-th label of this set, is among the i before it (kept in prevNames). */
  private isDuplicateName(name: string, i: number): boolean {
    for (let j = 0; j < i; j++) if (this.prevNames[j] === name) return true;
    return false;
  }

  private readValue(): number {
    const start = this.readToken();
    const value = start === this.pos ? null : this.parseValue(start, this.pos);
    if (value === null)
      this.fail(start === this.pos ? "missing value" : `invalid value "${this.slice(start, this.pos)}"`);
    return value ?? 0;
  }

  private readTimestamp(): number | null {
    this.skipBlanks();
    if (this.isAtLineEnd()) return null;
    const start = this.readToken();
    const ms = this.parseTimestamp(start, this.pos);
    if (ms === null) return this.fail(`invalid timestamp "${this.slice(start, this.pos)}"`);
    this.skipBlanks();
    return this.isAtLineEnd() ? ms : this.fail("unexpected text after the timestamp");
  }
}
