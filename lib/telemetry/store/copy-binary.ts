/**
 * Rows of "GpuSample" and "TelemetryFoldBatch" in PostgreSQL's binary COPY format. Binary spares the
 * server parsing uuid, timestamptz and float8 text on every row, and the
 * encoder writes fixed-size fields into one Buffer — no per-row strings, no
 * Date objects (Next.js wraps the Date constructor, which made the text
 * encoder the costliest step of ingest in the web process).
 * Format: https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
import type { SampleColumns } from "./sample-store";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_BYTES = SIGNATURE.length + 4 + 4; // signature, flags, header extension length
// Per row: field count (int16), then each field's length (int32) and bytes:
// uuid 16, int2 2, timestamptz 8, float8 8.
const ROW_BYTES = 2 + (4 + 16) + (4 + 2) + (4 + 8) + (4 + 8);
// timestamptz travels as microseconds since 2000-01-01T00:00:00Z.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replaceAll("-", "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${uuid}`);
  return Buffer.from(hex, "hex");
}

function writeHeader(buf: Buffer): number {
  SIGNATURE.copy(buf, 0);
  buf.writeInt32BE(0, SIGNATURE.length);
  buf.writeInt32BE(0, SIGNATURE.length + 4);
  return HEADER_BYTES;
}

/** The whole COPY "GpuSample" ("gpuId", "fieldId", "at", "value") … (FORMAT binary) stream, trailer included. */
export function encodeSampleRows(cols: SampleColumns): Buffer {
  const n = cols.gpuIds.length;
  const buf = Buffer.allocUnsafe(HEADER_BYTES + n * ROW_BYTES + 2);
  const uuids = new Map<string, Buffer>();
  let o = writeHeader(buf);
  for (let i = 0; i < n; i++) {
    const id = cols.gpuIds[i]!;
    let u = uuids.get(id);
    if (!u) uuids.set(id, (u = uuidBytes(id)));
    buf.writeInt16BE(4, o);
    buf.writeInt32BE(16, o + 2);
    u.copy(buf, o + 6);
    buf.writeInt32BE(2, o + 22);
    buf.writeInt16BE(cols.fieldIds[i]!, o + 26);
    buf.writeInt32BE(8, o + 28);
    // Integral ms × 1000 stays far below 2^53, so the split into two 32-bit
    // halves is exact (floor keeps it right for times before 2000 too).
    writeInt64(buf, Math.round(cols.atMs[i]! - PG_EPOCH_MS) * 1000, o + 32);
    buf.writeInt32BE(8, o + 40);
    buf.writeDoubleBE(cols.values[i]!, o + 44);
    o += ROW_BYTES;
  }
  buf.writeInt16BE(-1, o);
  return buf;
}

/** Writes an integral number below 2^53 in magnitude as a big-endian int64 (floor keeps negatives right). */
function writeInt64(buf: Buffer, v: number, o: number): void {
  const high = Math.floor(v / TWO_32);
  buf.writeInt32BE(high, o);
  buf.writeUInt32BE(v - high * TWO_32, o + 4);
}

// Element type oids of the queue's array columns (pg_type).
const OID = { uuid: 2950, int2: 21, int8: 20, float8: 701 } as const;
// A one-dimensional array without NULLs: ndim, has-null flag, element type,
// length and lower bound, then each element's length and bytes.
const ARRAY_HEADER_BYTES = 20;

function writeArrayHeader(buf: Buffer, o: number, oid: number, n: number, elementBytes: number): number {
  buf.writeInt32BE(ARRAY_HEADER_BYTES + n * (4 + elementBytes), o);
  buf.writeInt32BE(1, o + 4);
  buf.writeInt32BE(0, o + 8);
  buf.writeInt32BE(oid, o + 12);
  buf.writeInt32BE(n, o + 16);
  buf.writeInt32BE(1, o + 20);
  return o + 4 + ARRAY_HEADER_BYTES;
}

/**
 * COPY "TelemetryFoldBatch" ("samples", "gpuIds", "fieldIds", "atMs", "values")
 * … (FORMAT binary): one row per part. Binary arrays cost the server a tenth
 * of parsing the same arrays as text parameters, which cost as much as storing
 * the samples themselves.
 */
export function encodeFoldBatchRows(parts: SampleColumns[]): Buffer {
  const rowBytes = (n: number) => 2 + (4 + 4) + 4 * (4 + ARRAY_HEADER_BYTES) + n * (4 + 16 + 4 + 2 + 4 + 8 + 4 + 8);
  const buf = Buffer.allocUnsafe(HEADER_BYTES + parts.reduce((t, p) => t + rowBytes(p.gpuIds.length), 0) + 2);
  const uuids = new Map<string, Buffer>();
  let o = writeHeader(buf);
  for (const p of parts) {
    const n = p.gpuIds.length;
    buf.writeInt16BE(5, o);
    buf.writeInt32BE(4, o + 2);
    buf.writeInt32BE(n, o + 6);
    o = writeArrayHeader(buf, o + 10, OID.uuid, n, 16);
    for (const id of p.gpuIds) {
      let u = uuids.get(id);
      if (!u) uuids.set(id, (u = uuidBytes(id)));
      buf.writeInt32BE(16, o);
      u.copy(buf, o + 4);
      o += 20;
    }
    o = writeArrayHeader(buf, o, OID.int2, n, 2);
    for (const f of p.fieldIds) {
      buf.writeInt32BE(2, o);
      buf.writeInt16BE(f, o + 4);
      o += 6;
    }
    o = writeArrayHeader(buf, o, OID.int8, n, 8);
    for (const ms of p.atMs) {
      buf.writeInt32BE(8, o);
      writeInt64(buf, Math.round(ms), o + 4);
      o += 12;
    }
    o = writeArrayHeader(buf, o, OID.float8, n, 8);
    for (const v of p.values) {
      buf.writeInt32BE(8, o);
      buf.writeDoubleBE(v, o + 4);
      o += 12;
    }
  }
  buf.writeInt16BE(-1, o);
  return buf;
}
