import { parseFloatBytes, parseIntegerBytes } from "./exposition-numbers";
import {
  TAB,
  LF,
  CR,
  SPACE,
  QUOTE,
  BACKSLASH,
  RBRACE,
  isLabelNameChar,
  isMetricNameChar,
  endsMetricName,
  LineScanner,
  type LabelSet,
  type Labels,
} from "./line-scanner";

/** Label sets whose bytes hash the same, newest first. */
type ByteLabelSet = LabelSet & { next: ByteLabelSet | undefined };

/**
 * Predicted runs are compared where they are in the input, eight bytes a step
 * (sameBytes); label sets seen before are found by a hash of their bytes, not
 * by a decoded key. A slice of the input is decoded only where a result needs
 * it, and decodes exactly as it would within the whole input: every such slice
 * starts and ends next to an ASCII byte, where UTF-8 is never mid-character.
 */
export class ByteScanner extends LineScanner<ByteLabelSet> {
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
  protected addSet(start: number, stop: number, labels: Labels): ByteLabelSet {
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
      if (
        view.getInt32(a + i, true) !== view.getInt32(b + i, true) ||
        view.getInt32(a + i + 4, true) !== view.getInt32(b + i + 4, true)
      )
        return false;
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
    if (
      prev !== "" &&
      after <= length &&
      this.sameBytes(start, this.prevMetricAt, prev.length) &&
      (after === length || endsMetricName(bytes[after]!))
    ) {
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
