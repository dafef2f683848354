import { ByteScanner } from "./byte-scanner";
import { scanLines, scanSamples, type ParseResult, type Rejection, type SampleVisitor } from "./line-scanner";
import { TextScanner } from "./text-scanner";

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
 *
 * Each entry point comes as parse… (the samples as objects) and visit… (each
 * sample handed to a callback, in input order, returning the rejected lines).
 */

export type { DcgmSample, Labels, ParseResult, Rejection, SampleVisitor } from "./line-scanner";

export function parseDcgmText(text: string): ParseResult {
  return scanLines(new TextScanner(text), text.length);
}

export function visitDcgmText(text: string, visit: SampleVisitor): Rejection[] {
  return scanSamples(new TextScanner(text), text.length, visit);
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
  const buffer = asBuffer(bytes);
  return scanLines(new ByteScanner(buffer), buffer.length);
}

export function visitDcgmBytes(bytes: Uint8Array, visit: SampleVisitor): Rejection[] {
  const buffer = asBuffer(bytes);
  return scanSamples(new ByteScanner(buffer), buffer.length, visit);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
