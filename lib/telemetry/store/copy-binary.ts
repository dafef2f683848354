/**
 * Rows of "GpuSample" and the fold queue in PostgreSQL's binary COPY format. Binary spares the
 * server parsing uuid, timestamptz and float8 text on every row, and the
 * encoder writes fixed-size fields into one Buffer — no per-row strings, no
 * Date objects (Next.js wraps the Date constructor, which made the text
 * encoder the costliest step of ingest in the web process).
 * Format: https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
import { presentCount, type LatestPartial, type MinutePartial } from "./fold-partials";
import type { SampleColumns } from "./sample-store";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_BYTES = SIGNATURE.length + 4 + 4; // signature, flags, header extension length
// Per row: field count (int16), then each field's length (int32) and bytes:
// uuid 16, int2 2, timestamptz 8, float8 8.
const ROW_BYTES = 2 + (4 + 16) + (4 + 2) + (4 + 8) + (4 + 8);
// timestamptz travels as microseconds since 2000-01-01T00:00:00Z.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;

// A GPU's uuid as 16 bytes, kept across batches: every batch names the same
// fleet's GPUs again, and parsing the text (a regex, a hex decode) for each of a
// batch's GPUs cost a few per cent of ingest. Bounded, in case ids churn.
const UUID_CACHE_MAX = 200_000;
const uuidCache = new Map<string, Uint8Array>();

function uuidBytes(uuid: string): Uint8Array {
  let bytes = uuidCache.get(uuid);
  if (bytes) return bytes;
  const hex = uuid.replaceAll("-", "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${uuid}`);
  if (uuidCache.size >= UUID_CACHE_MAX) uuidCache.clear();
  uuidCache.set(uuid, (bytes = Uint8Array.from(Buffer.from(hex, "hex"))));
  return bytes;
}

/**
 * Big-endian fields written at a moving offset of one buffer, through a
 * DataView: its setters compile to plain stores, where Buffer's writeInt32BE
 * and kin check their arguments on every call — which made the encoders a
 * tenth of the web process's time under ingest (bench/ingest.bench.ts).
 */
class CopyWriter {
  readonly buf: Buffer;
  private readonly view: DataView;
  o = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.buf.set(SIGNATURE, 0);
    this.view.setInt32(SIGNATURE.length, 0); // flags
    this.view.setInt32(SIGNATURE.length + 4, 0); // header extension length
    this.o = HEADER_BYTES;
  }

  int16(v: number): void {
    this.view.setInt16(this.o, v);
    this.o += 2;
  }

  int32(v: number): void {
    this.view.setInt32(this.o, v);
    this.o += 4;
  }

  float8(v: number): void {
    this.view.setFloat64(this.o, v);
    this.o += 8;
  }

  /** An integral number below 2^53 in magnitude as int64 (floor keeps negatives right). */
  int64(v: number): void {
    const high = Math.floor(v / TWO_32);
    this.view.setInt32(this.o, high);
    this.view.setUint32(this.o + 4, v - high * TWO_32);
    this.o += 8;
  }

  bigint64(v: bigint): void {
    this.view.setBigInt64(this.o, v);
    this.o += 8;
  }

  /** A time in ms as timestamptz (µs since 2000-01-01T00:00:00Z); integral ms × 1000 stays far below 2^53. */
  timestamptz(ms: number): void {
    this.int64(Math.round(ms - PG_EPOCH_MS) * 1000);
  }

  /** A boolean field: its length, then one byte. */
  bool(v: boolean): void {
    this.view.setInt32(this.o, 1);
    this.buf[this.o + 4] = v ? 1 : 0;
    this.o += 5;
  }

  uuid(bytes: Uint8Array): void {
    const { buf, o } = this;
    for (let i = 0; i < 16; i++) buf[o + i] = bytes[i]!;
    this.o += 16;
  }

  /** The trailer, and the stream. */
  end(): Buffer {
    this.int16(-1);
    return this.buf;
  }
}

/** The whole COPY "GpuSample" ("gpuId", "fieldId", "at", "value") … (FORMAT binary) stream, trailer included. */
export function encodeSampleRows(cols: SampleColumns): Buffer {
  const n = cols.gpuIds.length;
  const w = new CopyWriter(HEADER_BYTES + n * ROW_BYTES + 2);
  let lastId = "";
  let u: Uint8Array = new Uint8Array(16);
  for (let i = 0; i < n; i++) {
    const id = cols.gpuIds[i]!;
    if (id !== lastId) u = uuidBytes((lastId = id));
    w.int16(4);
    w.int32(16);
    w.uuid(u);
    w.int32(2);
    w.int16(cols.fieldIds[i]!);
    w.int32(8);
    w.timestamptz(cols.atMs[i]!);
    w.int32(8);
    w.float8(cols.values[i]!);
  }
  return w.end();
}

// Pre-aggregated fold rows (fold-partials.ts) carry one-dimensional arrays
// indexed by field id; a hole travels as a NULL element (length -1), as the
// rollup tables store it. An array: ndim, has-null flag, element type oid
// (pg_type), length and lower bound, then each element's length and bytes.
const ARRAY_HEADER_BYTES = 20;
const OID = { int4: 23, float8: 701, timestamptz: 1184 } as const;
type ElementType = keyof typeof OID;
const ELEMENT_BYTES: Record<ElementType, number> = { int4: 4, float8: 8, timestamptz: 8 };

/** Bytes of a sparse array's field (length prefix included). */
const sparseArrayBytes = (a: number[], type: ElementType) =>
  4 + ARRAY_HEADER_BYTES + a.length * 4 + presentCount(a) * ELEMENT_BYTES[type];

function writeSparseArray(w: CopyWriter, a: number[], type: ElementType): void {
  const present = presentCount(a);
  const elementBytes = ELEMENT_BYTES[type];
  w.int32(ARRAY_HEADER_BYTES + a.length * 4 + present * elementBytes);
  w.int32(1);
  w.int32(present < a.length ? 1 : 0);
  w.int32(OID[type]);
  w.int32(a.length);
  w.int32(1);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === undefined) {
      w.int32(-1);
      continue;
    }
    w.int32(elementBytes);
    if (type === "float8") w.float8(v);
    else if (type === "int4") w.int32(v);
    else w.timestamptz(v);
  }
}

/** A row's field count, then its leading batch id (int8), GPU (uuid) and time (timestamptz). */
function writeKey(w: CopyWriter, fields: number, batchId: bigint, gpuId: string, ms: number): void {
  w.int16(fields);
  w.int32(8);
  w.bigint64(batchId);
  w.int32(16);
  w.uuid(uuidBytes(gpuId));
  w.int32(8);
  w.timestamptz(ms);
}
const KEY_BYTES = 46;
const BOOL_BYTES = 4 + 1;

/** COPY "TelemetryFoldMinute" ("batchId", "gpuId", "bucket", "min", "max", "sum", "count") … (FORMAT binary). */
export function encodeFoldMinuteRows(batchId: bigint, rows: MinutePartial[]): Buffer {
  let size = HEADER_BYTES + 2;
  for (const r of rows) size += KEY_BYTES + sparseArrayBytes(r.min, "float8") * 3 + sparseArrayBytes(r.count, "int4");
  const w = new CopyWriter(size);
  for (const r of rows) {
    writeKey(w, 7, batchId, r.gpuId, r.bucketMs);
    writeSparseArray(w, r.min, "float8");
    writeSparseArray(w, r.max, "float8");
    writeSparseArray(w, r.sum, "float8");
    writeSparseArray(w, r.count, "int4");
  }
  return w.end();
}

/** COPY "TelemetryFoldLatest" ("batchId", "gpuId", "seenAt", "at", "value", "singleScrape") … (FORMAT binary). */
export function encodeFoldLatestRows(batchId: bigint, rows: LatestPartial[]): Buffer {
  let size = HEADER_BYTES + 2;
  for (const r of rows)
    size += KEY_BYTES + sparseArrayBytes(r.atMs, "timestamptz") + sparseArrayBytes(r.value, "float8") + BOOL_BYTES;
  const w = new CopyWriter(size);
  for (const r of rows) {
    writeKey(w, 6, batchId, r.gpuId, r.seenAtMs);
    writeSparseArray(w, r.atMs, "timestamptz");
    writeSparseArray(w, r.value, "float8");
    w.bool(r.singleScrape === true);
  }
  return w.end();
}
