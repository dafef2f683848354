import type { z } from "zod";
import { getConfig } from "../config";
import { AppError } from "../errors";

/**
 * Reads a request body up to `limit` bytes. The Content-Length header is checked
 * first, and the stream is counted too, because chunked bodies have no length.
 */
export async function readBodyBytes(req: Request, limit = getConfig().RACKMIND_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body as UTF-8 text, up to `limit` bytes (see readBodyBytes). */
export async function readBodyText(req: Request, limit = getConfig().RACKMIND_MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(req, limit)).toString("utf8");
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than the limit of ${limit} bytes`, {
    limitBytes: limit,
  });
}

/** Throws 415 unless the request's media type is one of `accepted`. */
export function requireContentType(req: Request, accepted: string[]): void {
  const mediaType = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!accepted.includes(mediaType)) {
    throw new AppError(
      "unsupported_media_type",
      `Send the body as ${accepted.join(" or ")}${mediaType ? `, not ${mediaType}` : ""}`,
      { accepted },
    );
  }
}

/** Throws 415 unless the body comes in this Content-Encoding (a coding the handler decodes itself, such as snappy). */
export function requireContentEncoding(req: Request, coding: string): void {
  const sent = (req.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (sent !== coding) {
    throw new AppError(
      "unsupported_media_type",
      `Send the body with Content-Encoding: ${coding}${sent ? `, not ${sent}` : ""}`,
      { accepted: [coding] },
    );
  }
}

/** Reads a JSON body and validates it: 415 / 413 / 400 (malformed) / 422 (schema). */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  requireContentType(req, ["application/json"]);
  const text = await readBodyText(req);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AppError("invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
  return schema.parse(value);
}

/** Validates the query string with `schema` (422 on failure). Repeated keys become arrays. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = new URL(req.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  return schema.parse(raw);
}
