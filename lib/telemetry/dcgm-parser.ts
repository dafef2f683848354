import { parseFloatBytes, parseFloatToken, parseIntegerBytes, parseIntegerToken } from "./exposition-numbers";

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

export type DcgmSample = { metric: string; labels: Readonly<Record<string, string>>; value: number; timestampMs: number | null; line: number };
export type ParseResult = { samples: DcgmSample[]; rejected: { line: number; reason: string }[] };

const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE = 34, HASH = 35, COMMA = 44, EQUALS = 61, BACKSLASH = 92, LBRACE = 123, RBRACE = 125;

export function parseDcgmText(text: string): ParseResult {
  return scanLines(new TextScanner(text), text.length);
}

/**
 * What parseDcgmText(new TextDecoder().decode(bytes)) returns, read from the
 * bytes in place: decoding a 5 MB request body into a string cost as much as
 * parsing it. Only what a result holds is decoded (a new metric name, a new
 * label set, a reason). Every syntax character is ASCII, and UTF-8 never uses
 * bytes below 0x80 inside a multi-byte character, so a bytewise scan finds the
 * same tokens as the text scan.
 */
export function parseDcgmBytes(bytes: Uint8Array): ParseResult {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return scanLines(new ByteScanner(buffer), buffer.length);
}

function scanLines(scanner: LineScanner<LabelSet>, length: number): ParseResult {
  const samples: DcgmSample[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (let line = 1; scanner.pos < length; line++) {
    const sample = scanner.scanLine(line);
    if (sample !== null) samples.push(sample);
    else if (scanner.reason !== null) rejected.push({ line, reason: scanner.reason });
    scanner.skipPastLine();
  }
  return { samples, rejected };
}

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** A label set as it was first read: [start, start + size) of the input, from `{` to `}`. */
type LabelSet = { start: number; size: number; labels: Readonly<Record<string, string>> };

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
 * the same order), so the hot path compares whole runs of input with ones it
 * already has and never looks for the line's end first: no scanning loop (LF,
 * names, tokens) can pass a line feed, and a predicted run holds none.
 *
 * The grammar lives here, once; the subclasses read a string (TextScanner) or
 * its UTF-8 bytes (ByteScanner), positions being code units or bytes. A process
 * that uses both parsers pays for that with 5-10% on each: the calls made from
 * here then see two classes.
 */
abstract class LineScanner<S extends LabelSet> {
  pos = 0;
  reason: string | null = null;
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
  protected abstract addSet(start: number, stop: number, labels: Readonly<Record<string, string>>): S;
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

  /** A sample, or null for a blank line, a comment, or a rejected line (then `reason` is set). */
  scanLine(line: number): DcgmSample | null {
    this.reason = null;
    this.skipBlanks();
    if (this.isAtLineEnd() || this.at(this.pos) === HASH) return null;
    const metric = this.readMetricName();
    if (metric === null) return null;
    this.skipBlanks();
    const labels = this.at(this.pos) === LBRACE ? this.readLabelSet() : NO_LABELS;
    if (labels === null) return null;
    this.skipBlanks();
    const value = this.readValue();
    if (this.reason !== null) return null;
    const timestampMs = this.readTimestamp();
    if (this.reason !== null) return null;
    return { metric, labels, value, timestampMs, line };
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
  private readLabelSet(): Readonly<Record<string, string>> | null {
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

  private reuseLabelSet(set: S): Readonly<Record<string, string>> {
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
      if (name === "__proto__") Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
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
    if (value === null) this.fail(start === this.pos ? "missing value" : `invalid value "${this.slice(start, this.pos)}"`);
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

/** A label set and its text, the key it is found by. */
type TextLabelSet = LabelSet & { raw: string };

/**
 * Runs are compared as `text.slice(a, b) === known`: on Node 20 that is several
 * times faster than `text.startsWith(known, a)`, which walks char by char, and
 * ~10x faster than a Map lookup keyed by the raw text, which must hash it.
 */
class TextScanner extends LineScanner<TextLabelSet> {
  private readonly knownSets = new Map<string, TextLabelSet>();
  // Last indexOf('"') answer: no quote in [quoteFrom, quoteAt). Reusing it keeps
  // a run of unterminated values from rescanning the rest of the text each time.
  private quoteFrom = Infinity;
  private quoteAt = -1;

  constructor(private readonly text: string) {
    super();
  }

  protected at(p: number): number {
    return this.text.charCodeAt(p);
  }

  protected slice(start: number, stop: number): string {
    return this.text.slice(start, stop);
  }

  protected charAt(p: number): string {
    return this.text.charAt(p);
  }

  protected startsWithSet(p: number, set: TextLabelSet): boolean {
    return this.text.slice(p, p + set.raw.length) === set.raw;
  }

  protected findSet(start: number, stop: number): TextLabelSet | undefined {
    return this.knownSets.get(this.text.slice(start, stop));
  }

  protected addSet(start: number, stop: number, labels: Readonly<Record<string, string>>): TextLabelSet {
    const set = { start, size: stop - start, labels, raw: this.text.slice(start, stop) };
    this.knownSets.set(set.raw, set);
    return set;
  }

  skipPastLine(): void {
    const newline = this.text.indexOf("\n", this.pos);
    this.pos = newline === -1 ? this.text.length : newline + 1;
  }

  protected skipBlanks(): void {
    const { text } = this;
    let c: number;
    while (this.pos < text.length && ((c = text.charCodeAt(this.pos)) === SPACE || c === TAB)) this.pos++;
  }

  protected isAtLineEnd(): boolean {
    const { text, pos } = this;
    if (pos >= text.length) return true;
    const c = text.charCodeAt(pos);
    return c === LF || (c === CR && (pos + 1 === text.length || text.charCodeAt(pos + 1) === LF));
  }

  protected findLineEnd(from: number): number {
    const newline = this.text.indexOf("\n", from);
    const end = newline === -1 ? this.text.length : newline;
    return end > from && this.text.charCodeAt(end - 1) === CR ? end - 1 : end;
  }

  // Not text.lastIndexOf("}", end): on a line without one it would search the
  // text before the line too, so a body of such lines took quadratic time.
  protected lastClosingBrace(open: number, end: number): number {
    for (let p = end - 1; p > open; p--) if (this.text.charCodeAt(p) === RBRACE) return p;
    return -1;
  }

  protected readMetricName(): string | null {
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
    if (badAt === start || (p < text.length && !endsMetricName(text.charCodeAt(p)))) return this.failMetricName(badAt);
    this.pos = p;
    return this.startMetric(text.slice(start, p));
  }

  protected readLabelName(i: number): string | null {
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

  protected readLabelValue(): string | null {
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
      if (c !== BACKSLASH) continue;
      if (p + 1 >= end) break;
      const escaped = text.charAt(p + 1);
      if (escaped !== "\\" && escaped !== '"' && escaped !== "n") return this.failEscape(p + 1);
      out += text.slice(chunk, p) + (escaped === "n" ? "\n" : escaped);
      chunk = ++p + 1;
    }
    return this.fail("unterminated label value");
  }

  protected readToken(): number {
    const { text } = this;
    const start = this.pos;
    let c: number;
    while (this.pos < text.length && (c = text.charCodeAt(this.pos)) !== SPACE && c !== TAB && c !== LF && c !== CR) this.pos++;
    return start;
  }

  protected parseValue(start: number, stop: number): number | null {
    return parseFloatToken(this.text, start, stop);
  }

  protected parseTimestamp(start: number, stop: number): number | null {
    return parseIntegerToken(this.text, start, stop);
  }
}

/** Label sets whose bytes hash the same, newest first. */
type ByteLabelSet = LabelSet & { next: ByteLabelSet | undefined };

/**
 * Predicted runs are compared where they are in the input, eight bytes a step
 * (sameBytes); label sets seen before are found by a hash of their bytes, not
 * by a decoded key. A slice of the input is decoded only where a result needs
 * it, and decodes exactly as it would within the whole input: every such slice
 * starts and ends next to an ASCII byte, where UTF-8 is never mid-character.
 */
class ByteScanner extends LineScanner<ByteLabelSet> {
  private readonly length: number;
  private readonly view: DataView;
  /** Where prevMetric's bytes are. */
  private prevMetricAt = 0;
  private readonly setsByHash = new Map<number, ByteLabelSet>();
  // Lines out of order change metric name on almost every line; this keeps
  // each name from being decoded again every time it recurs.
  private readonly metricNames = new Map<number, string>();

  constructor(private readonly bytes: Buffer) {
    super();
    this.length = bytes.length;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // TextDecoder drops a leading byte order mark.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  protected at(p: number): number {
    return p < this.length ? this.bytes[p]! : NaN;
  }

  // Buffer#toString decodes invalid UTF-8 as TextDecoder does (U+FFFD for each
  // maximal invalid run) but keeps a byte order mark, as the text would inside.
  protected slice(start: number, stop: number): string {
    return this.bytes.toString("utf8", start, stop);
  }

  protected charAt(p: number): string {
    const c = this.bytes[p];
    if (c === undefined) return "";
    if (c < 0x80) return String.fromCharCode(c);
    // A character is at most 4 bytes, and the bytes after it do not change how it decodes.
    return this.slice(p, Math.min(p + 4, this.length)).charAt(0);
  }

  protected startsWithSet(p: number, set: ByteLabelSet): boolean {
    return p + set.size <= this.length && this.sameBytes(p, set.start, set.size);
  }

  protected findSet(start: number, stop: number): ByteLabelSet | undefined {
    const n = stop - start;
    for (let set = this.setsByHash.get(this.hash(start, n)); set !== undefined; set = set.next) {
      if (set.size === n && this.sameBytes(start, set.start, n)) return set;
    }
    return undefined;
  }

  // First in its chain, so that like a Map entry it replaces an equal set read
  // before (one whose line turned out bad after the set was read).
  protected addSet(start: number, stop: number, labels: Readonly<Record<string, string>>): ByteLabelSet {
    const hash = this.hash(start, stop - start);
    const set = { start, size: stop - start, labels, next: this.setsByHash.get(hash) };
    this.setsByHash.set(hash, set);
    return set;
  }

  /** FNV-1a over int32s of [a, a + n), cut to 30 bits: a small integer, which V8 need not box as a Map key. */
  private hash(a: number, n: number): number {
    const { view, bytes } = this;
    let h = 0x811c9dc5 ^ n;
    let i = 0;
    for (; i + 4 <= n; i += 4) h = Math.imul(h ^ view.getInt32(a + i, true), 0x01000193);
    for (; i < n; i++) h = Math.imul(h ^ bytes[a + i]!, 0x01000193);
    return h & 0x3fffffff;
  }

  /**
   * Whether [a, a + n) and [b, b + n) of the input hold the same bytes. Reading
   * them as int32s is ~1.5x faster than Buffer#compare (a call into C++) on a
   * 250-byte label set, and ~4x faster than a byte loop.
   */
  private sameBytes(a: number, b: number, n: number): boolean {
    const { view, bytes } = this;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      if (view.getInt32(a + i, true) !== view.getInt32(b + i, true) || view.getInt32(a + i + 4, true) !== view.getInt32(b + i + 4, true)) return false;
    }
    for (; i < n; i++) if (bytes[a + i] !== bytes[b + i]) return false;
    return true;
  }

  skipPastLine(): void {
    const { bytes, length } = this;
    let p = this.pos;
    while (p < length && bytes[p] !== LF) p++;
    this.pos = p < length ? p + 1 : length;
  }

  protected skipBlanks(): void {
    const { bytes, length } = this;
    let c: number;
    while (this.pos < length && ((c = bytes[this.pos]!) === SPACE || c === TAB)) this.pos++;
  }

  protected isAtLineEnd(): boolean {
    const { bytes, pos, length } = this;
    if (pos >= length) return true;
    const c = bytes[pos];
    return c === LF || (c === CR && (pos + 1 === length || bytes[pos + 1] === LF));
  }

  protected findLineEnd(from: number): number {
    const newline = this.bytes.indexOf(LF, from);
    const end = newline === -1 ? this.length : newline;
    return end > from && this.bytes[end - 1] === CR ? end - 1 : end;
  }

  protected lastClosingBrace(open: number, end: number): number {
    for (let p = end - 1; p > open; p--) if (this.bytes[p] === RBRACE) return p;
    return -1;
  }

  /** Whether the input at p holds the ASCII string s. */
  private holds(p: number, s: string): boolean {
    if (p + s.length > this.length) return false;
    for (let i = 0; i < s.length; i++) if (this.bytes[p + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  protected readMetricName(): string | null {
    const { bytes, length } = this;
    const start = this.pos;
    const prev = this.prevMetric;
    const after = start + prev.length;
    if (prev !== "" && after <= length && this.sameBytes(start, this.prevMetricAt, prev.length) && (after === length || endsMetricName(bytes[after]!))) {
      this.pos = after;
      return prev;
    }
    let p = start;
    while (p < length && isMetricNameChar(bytes[p]!)) p++;
    const badAt = p > start && bytes[start]! <= 57 /* a digit */ ? start : p;
    if (badAt === start || (p < length && !endsMetricName(bytes[p]!))) return this.failMetricName(badAt);
    this.pos = p;
    this.prevMetricAt = start;
    return this.startMetric(this.metricName(start, p));
  }

  private metricName(start: number, stop: number): string {
    const hash = this.hash(start, stop - start);
    const known = this.metricNames.get(hash);
    if (known !== undefined && known.length === stop - start && this.holds(start, known)) return known;
    // Name characters are ASCII, which latin1 decodes without UTF-8's checks.
    const name = this.bytes.toString("latin1", start, stop);
    this.metricNames.set(hash, name);
    return name;
  }

  protected readLabelName(i: number): string | null {
    const { bytes, end } = this;
    const start = this.pos;
    const prev = this.prevNames[i];
    if (prev !== undefined && this.holds(start, prev) && !isLabelNameChar(this.at(start + prev.length))) {
      this.pos = start + prev.length;
      return prev;
    }
    let p = start;
    while (p < end && isLabelNameChar(bytes[p]!)) p++;
    if (p === start || bytes[start]! <= 57 /* a digit */) return this.fail("invalid label name");
    this.pos = p;
    return (this.prevNames[i] = bytes.toString("latin1", start, p));
  }

  // Scanning stops at the line's end, so unlike the text's indexOf it needs no
  // memo against rescanning the rest of the input.
  protected readLabelValue(): string | null {
    const { bytes, end } = this;
    const start = this.pos;
    let escapes = false;
    for (let p = start; p < end; p++) {
      const c = bytes[p];
      if (c === BACKSLASH) escapes = true;
      else if (c === QUOTE) {
        if (escapes) return this.readEscapedLabelValue();
        this.pos = p + 1;
        return this.slice(start, p);
      }
    }
    return this.fail("unterminated label value");
  }

  /** The slow path for values with escapes; `pos` is just past the opening quote. */
  private readEscapedLabelValue(): string | null {
    const { bytes, end } = this;
    let out = "";
    let chunk = this.pos;
    for (let p = this.pos; p < end; p++) {
      const c = bytes[p];
      if (c === QUOTE) {
        this.pos = p + 1;
        return out + this.slice(chunk, p);
      }
      if (c !== BACKSLASH) continue;
      if (p + 1 >= end) break;
      const escaped = bytes[p + 1]!;
      if (escaped !== BACKSLASH && escaped !== QUOTE && escaped !== 110 /* n */) return this.failEscape(p + 1);
      out += this.slice(chunk, p) + (escaped === 110 ? "\n" : String.fromCharCode(escaped));
      chunk = ++p + 1;
    }
    return this.fail("unterminated label value");
  }

  protected readToken(): number {
    const { bytes, length } = this;
    const start = this.pos;
    let c: number;
    while (this.pos < length && (c = bytes[this.pos]!) !== SPACE && c !== TAB && c !== LF && c !== CR) this.pos++;
    return start;
  }

  protected parseValue(start: number, stop: number): number | null {
    return parseFloatBytes(this.bytes, start, stop);
  }

  protected parseTimestamp(start: number, stop: number): number | null {
    return parseIntegerBytes(this.bytes, start, stop);
  }
}
