import { AppError } from "../../errors";
import type { Labels } from "../dcgm/parser";
import { WriteRequestType, type PrompbWriteRequest } from "./prompb";
import { uncompressSnappyBlock } from "./snappy-block";

/**
 * A remote-write request body decoded in full — snappy, then protobuf —
 * before anything is stored, so a malformed or truncated body is refused
 * whole (400) and never half-written.
 */

/** One series: its labels (`__name__` included) and its samples, times in ms since the epoch. */
export type RemoteSeries = { labels: Labels; values: number[]; timestampsMs: number[] };

// Prometheus sends max_samples_per_send samples per request (500 or 2,000 by
// default): with dcgm-exporter's ten labels a series, well under 1 MiB
// decompressed. The limit bounds the memory a request can make the decoder
// allocate (a protobuf sample is an object per 2 bytes at worst).
export const REMOTE_WRITE_MAX_DECODED_BYTES = 8 * 1024 * 1024;
// Snappy's worst case for that (MaxEncodedLen: 32 + n + n/6): the most a valid body can be.
export const REMOTE_WRITE_MAX_BODY_BYTES = 32 + REMOTE_WRITE_MAX_DECODED_BYTES + REMOTE_WRITE_MAX_DECODED_BYTES / 6;

/** Decodes a snappy-compressed prometheus.WriteRequest; throws 400 (bad_request) or 413 (payload_too_large) only. */
export function decodeWriteRequest(body: Uint8Array): RemoteSeries[] {
  const raw = uncompressSnappyBlock(body, REMOTE_WRITE_MAX_DECODED_BYTES);
  let request: PrompbWriteRequest;
  try {
    request = WriteRequestType.decode(raw) as unknown as PrompbWriteRequest;
  } catch (err) {
    // protobufjs throws RangeError when a length runs past the end, Error for a bad wire type or field 0.
    throw new AppError("bad_request", `The body is not a remote-write WriteRequest: ${(err as Error).message}`);
  }
  return request.timeseries.map((ts) => {
    // No prototype: a label named like an Object method must not shadow or be shadowed.
    const labels: Record<string, string> = Object.create(null);
    for (const l of ts.labels) labels[l.name] = l.value;
    const values = new Array<number>(ts.samples.length);
    const timestampsMs = new Array<number>(ts.samples.length);
    ts.samples.forEach((s, i) => {
      values[i] = s.value;
      // An int64 as a Long: high is the signed upper half. Beyond 2^53 this
      // loses precision, but such a time is far outside any accepted window anyway.
      const t = s.timestamp;
      timestampsMs[i] = typeof t === "number" ? t : t.high * 2 ** 32 + (t.low >>> 0);
    });
    return { labels, values, timestampsMs };
  });
}
