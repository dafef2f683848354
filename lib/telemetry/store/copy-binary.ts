/**
 * Rows of "GpuSample" and the fold queue in PostgreSQL's binary COPY format. Binary spares the
 * server parsing uuid, timestamptz and float8 text on every row, and the
 * encoder writes fixed-size fields into one Buffer — no per-row strings, no
 * Date objects (Next.js wraps the Date constructor, which made the text
 * encoder the costliest step of ingest in the web process).
 * Format: https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
import type { LatestPartial, MinutePartial } from "./fold-partials";
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
    writeTimestamptz(buf, cols.atMs[i]!, o + 32);
    buf.writeInt32BE(8, o + 40);
    buf.writeDoubleBE(cols.values[i]!, o + 44);
    o += ROW_BYTES;
  }
  buf.writeInt16BE(-1, o);
  return buf;
}

/** Writes a time in ms as timestamptz (µs since 2000-01-01T00:00:00Z). */
function writeTimestamptz(buf: Buffer, ms: number, o: number): void {
  writeInt64(buf, Math.round(ms - PG_EPOCH_MS) * 1000, o);
}

/** Writes an integral number below 2^53 in magnitude as a big-endian int64 (floor keeps negatives right). */
function writeInt64(buf: Buffer, v: number, o: number): void {
  const high = Math.floor(v / TWO_32);
  buf.writeInt32BE(high, o);
  buf.writeUInt32BE(v - high * TWO_32, o + 4);
}

// Pre-aggregated fold rows (fold-partials.ts) carry one-dimensional arrays
// indexed by field id; a hole travels as a NULL element (length -1), as the
// rollup tables store it. An array: ndim, has-null flag, element type oid
// (pg_type), length and lower bound, then each element's length and bytes.
const ARRAY_HEADER_BYTES = 20;
const OID = { int4: 23, float8: 701, timestamptz: 1184 } as const;

/** How many elements of a sparse array are present (not holes). */
function presentCount(a: number[]): number {
  let present = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== undefined) present++;
  return present;
}

/** Bytes of a sparse array's field (length prefix included): 8-byte elements, or 4-byte ones. */
const sparseArrayBytes = (a: number[], elementBytes: number) =>
  4 + ARRAY_HEADER_BYTES + a.length * 4 + presentCount(a) * elementBytes;

function writeSparseArray(
  buf: Buffer,
  o: number,
  a: number[],
  oid: number,
  write: (v: number, o: number) => void,
  elementBytes: number,
): number {
  const present = presentCount(a);
  buf.writeInt32BE(ARRAY_HEADER_BYTES + a.length * 4 + present * elementBytes, o);
  buf.writeInt32BE(1, o + 4);
  buf.writeInt32BE(present < a.length ? 1 : 0, o + 8);
  buf.writeInt32BE(oid, o + 12);
  buf.writeInt32BE(a.length, o + 16);
  buf.writeInt32BE(1, o + 20);
  o += 4 + ARRAY_HEADER_BYTES;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === undefined) {
      buf.writeInt32BE(-1, o);
      o += 4;
    } else {
      buf.writeInt32BE(elementBytes, o);
      write(v, o + 4);
      o += 4 + elementBytes;
    }
  }
  return o;
}

/** A row's leading batch id (int8), GPU (uuid) and time (timestamptz), after its field count. */
function writeKey(buf: Buffer, o: number, fields: number, batchId: bigint, gpu: Buffer, ms: number): number {
  buf.writeInt16BE(fields, o);
  buf.writeInt32BE(8, o + 2);
  buf.writeBigInt64BE(batchId, o + 6);
  buf.writeInt32BE(16, o + 14);
  gpu.copy(buf, o + 18);
  buf.writeInt32BE(8, o + 34);
  writeTimestamptz(buf, ms, o + 38);
  return o + 46;
}
const KEY_BYTES = 46;

/** COPY "TelemetryFoldMinute" ("batchId", "gpuId", "bucket", "min", "max", "sum", "count") … (FORMAT binary). */
export function encodeFoldMinuteRows(batchId: bigint, rows: MinutePartial[]): Buffer {
  let size = HEADER_BYTES + 2;
  for (const r of rows) size += KEY_BYTES + sparseArrayBytes(r.min, 8) * 3 + sparseArrayBytes(r.count, 4);
  const buf = Buffer.allocUnsafe(size);
  const uuids = new Map<string, Buffer>();
  const float8 = (v: number, o: number) => buf.writeDoubleBE(v, o);
  const int4 = (v: number, o: number) => buf.writeInt32BE(v, o);
  let o = writeHeader(buf);
  for (const r of rows) {
    let u = uuids.get(r.gpuId);
    if (!u) uuids.set(r.gpuId, (u = uuidBytes(r.gpuId)));
    o = writeKey(buf, o, 7, batchId, u, r.bucketMs);
    o = writeSparseArray(buf, o, r.min, OID.float8, float8, 8);
    o = writeSparseArray(buf, o, r.max, OID.float8, float8, 8);
    o = writeSparseArray(buf, o, r.sum, OID.float8, float8, 8);
    o = writeSparseArray(buf, o, r.count, OID.int4, int4, 4);
  }
  buf.writeInt16BE(-1, o);
  return buf;
}

/** COPY "TelemetryFoldLatest" ("batchId", "gpuId", "seenAt", "at", "value") … (FORMAT binary). */
export function encodeFoldLatestRows(batchId: bigint, rows: LatestPartial[]): Buffer {
  let size = HEADER_BYTES + 2;
  for (const r of rows) size += KEY_BYTES + sparseArrayBytes(r.atMs, 8) + sparseArrayBytes(r.value, 8);
  const buf = Buffer.allocUnsafe(size);
  const float8 = (v: number, o: number) => buf.writeDoubleBE(v, o);
  const timestamptz = (ms: number, o: number) => writeTimestamptz(buf, ms, o);
  let o = writeHeader(buf);
  for (const r of rows) {
    o = writeKey(buf, o, 5, batchId, uuidBytes(r.gpuId), r.seenAtMs);
    o = writeSparseArray(buf, o, r.atMs, OID.timestamptz, timestamptz, 8);
    o = writeSparseArray(buf, o, r.value, OID.float8, float8, 8);
  }
  buf.writeInt16BE(-1, o);
  return buf;
}
