import { uncompress } from "snappyjs";
import { AppError } from "../../errors";

/**
 * Snappy's block format (what remote-write sends, not the framed stream
 * format): a varint of the uncompressed length, then literal and copy
 * elements. snappyjs does the decompressing, but it neither checks that the
 * elements fill the length the preamble declared nor that a copy stays inside
 * it: a truncated body would decompress into zero padding, which the protobuf
 * decoder may read as a shorter, valid request. So the element stream is
 * walked once first, and a body that does not produce exactly its declared
 * length is malformed.
 */

/** The declared uncompressed length, and where the elements start; null when the varint is malformed. */
export function readSnappyPreamble(bytes: Uint8Array): { length: number; start: number } | null {
  let length = 0;
  // A uint32 takes at most 5 varint bytes.
  for (let i = 0; i < bytes.length && i < 5; i++) {
    const b = bytes[i]!;
    length += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) return length <= 0xffff_ffff ? { length, start: i + 1 } : null;
  }
  return null;
}

/** Whether the elements from `start` produce exactly `declared` bytes, each copy reading only bytes already produced. */
function elementsFit(bytes: Uint8Array, start: number, declared: number): boolean {
  const end = bytes.length;
  let pos = start;
  let produced = 0;
  while (pos < end) {
    const tag = bytes[pos++]!;
    let len: number;
    if ((tag & 3) === 0) {
      len = (tag >>> 2) + 1;
      if (len > 60) {
        // 61..64: the length - 1 follows in 1..4 little-endian bytes.
        const n = len - 60;
        if (pos + n > end) return false;
        len = 1;
        for (let k = 0; k < n; k++) len += bytes[pos + k]! * 2 ** (8 * k);
        pos += n;
      }
      if (pos + len > end) return false;
      pos += len;
    } else {
      let offset: number;
      if ((tag & 3) === 1) {
        if (pos + 1 > end) return false;
        len = ((tag >>> 2) & 7) + 4;
        offset = ((tag >>> 5) << 8) | bytes[pos]!;
        pos += 1;
      } else if ((tag & 3) === 2) {
        if (pos + 2 > end) return false;
        len = (tag >>> 2) + 1;
        offset = bytes[pos]! | (bytes[pos + 1]! << 8);
        pos += 2;
      } else {
        if (pos + 4 > end) return false;
        len = (tag >>> 2) + 1;
        offset = (bytes[pos]! | (bytes[pos + 1]! << 8) | (bytes[pos + 2]! << 16)) + bytes[pos + 3]! * 2 ** 24;
        pos += 4;
      }
      if (offset === 0 || offset > produced) return false;
    }
    produced += len;
    if (produced > declared) return false;
  }
  return produced === declared;
}

/**
 * Decompresses a snappy block of at most `maxLength` bytes: 413 when it says it
 * is bigger (checked before anything is allocated), 400 when it is not a whole,
 * well-formed block.
 */
export function uncompressSnappyBlock(bytes: Uint8Array, maxLength: number): Uint8Array {
  const preamble = readSnappyPreamble(bytes);
  if (!preamble) throw malformed("its length preamble is missing or malformed");
  if (preamble.length > maxLength) {
    throw new AppError(
      "payload_too_large",
      `The remote-write body decompresses to ${preamble.length} bytes, over the limit of ${maxLength}`,
      { limitBytes: maxLength },
    );
  }
  if (!elementsFit(bytes, preamble.start, preamble.length))
    throw malformed("it is truncated or corrupt (its elements do not make up the length it declares)");
  try {
    return uncompress(bytes, maxLength);
  } catch (err) {
    throw malformed((err as Error).message);
  }
}

function malformed(why: string): AppError {
  return new AppError("bad_request", `The body is not a snappy-compressed block: ${why}`);
}
