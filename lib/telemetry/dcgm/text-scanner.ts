import { parseFloatToken, parseIntegerToken } from "./exposition-numbers";
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

/** A label set and its text, the key it is found by. */
type TextLabelSet = LabelSet & { raw: string };

/**
 * Runs are compared as `text.slice(a, b) === known`: on Node 20 that is several
 * times faster than `text.startsWith(known, a)`, which walks char by char, and
 * ~10x faster than a Map lookup keyed by the raw text, which must hash it.
 */
export class TextScanner extends LineScanner<TextLabelSet> {
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

  protected addSet(start: number, stop: number, labels: Labels): TextLabelSet {
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
    if (
      prev !== "" &&
      text.slice(start, after) === prev &&
      (after === text.length || endsMetricName(text.charCodeAt(after)))
    ) {
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
    while (this.pos < text.length && (c = text.charCodeAt(this.pos)) !== SPACE && c !== TAB && c !== LF && c !== CR)
      this.pos++;
    return start;
  }

  protected parseValue(start: number, stop: number): number | null {
    return parseFloatToken(this.text, start, stop);
  }

  protected parseTimestamp(start: number, stop: number): number | null {
    return parseIntegerToken(this.text, start, stop);
  }
}
