import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { getConfig } from "../../../lib/config";
import { AppError } from "../../../lib/errors";
import { readBodyText, readJson, readQuery, requireContentEncoding, requireContentType } from "../../../lib/http/body";

const url = "http://localhost/api/v1/sites";
const Site = z.object({ name: z.string().min(1), racks: z.number().int().default(0) });

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request(url, { method: "POST", headers, body });
}

/** A body with no Content-Length, sent in chunks, as a chunked upload arrives. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = { "content-type": "application/json" }) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

/** Runs `fn` and answers what it threw (synchronously or not), failing if it did not throw. */
async function thrownBy(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
}

async function appErrorFrom(fn: () => unknown): Promise<AppError> {
  const err = await thrownBy(fn);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("readBodyText", () => {
  it("reads the whole body as UTF-8 text", async () => {
    await expect(readBodyText(post("héllo — wörld"), 100)).resolves.toBe("héllo — wörld");
  });

  it("answers the empty string for a request without a body", async () => {
    await expect(readBodyText(new Request(url), 100)).resolves.toBe("");
  });

  it("joins a body that arrives in several chunks", async () => {
    const enc = new TextEncoder();
    await expect(readBodyText(streamed([enc.encode('{"na'), enc.encode('me":"ams1"}')]), 100)).resolves.toBe(
      '{"name":"ams1"}',
    );
  });

  it("refuses with 413 when Content-Length declares more than the limit, before reading", async () => {
    const req = post("{}", { "content-type": "application/json", "content-length": "101" });
    const err = await appErrorFrom(() => readBodyText(req, 100));
    expect(err.code).toBe("payload_too_large");
    expect(err.details).toEqual({ limitBytes: 100 });
    expect(req.bodyUsed).toBe(false);
  });

  it("refuses with 413 when a body with no Content-Length streams past the limit", async () => {
    const chunk = new Uint8Array(40).fill(0x20);
    const err = await appErrorFrom(() => readBodyText(streamed([chunk, chunk, chunk]), 100));
    expect(err.code).toBe("payload_too_large");
    expect(err.message).toContain("100 bytes");
  });

  it("counts bytes, not characters, against the limit", async () => {
    // 40 × "é" is 40 characters but 80 bytes.
    const body = "é".repeat(40);
    await expect(readBodyText(post(body), 80)).resolves.toBe(body);
    await expect(appErrorFrom(() => readBodyText(post(body), 79))).resolves.toMatchObject({
      code: "payload_too_large",
    });
  });

  it("accepts a body of exactly the limit", async () => {
    const body = "x".repeat(100);
    await expect(readBodyText(streamed([new TextEncoder().encode(body)]), 100)).resolves.toBe(body);
  });
});

describe("requireContentType", () => {
  it("accepts the media type with a charset parameter and in any case", () => {
    expect(() =>
      requireContentType(post("{}", { "content-type": "application/json; charset=utf-8" }), ["application/json"]),
    ).not.toThrow();
    expect(() =>
      requireContentType(post("{}", { "content-type": "Application/JSON" }), ["application/json"]),
    ).not.toThrow();
  });

  it("accepts any of several media types", () => {
    expect(() =>
      requireContentType(post("a,b", { "content-type": "text/csv" }), ["application/json", "text/csv"]),
    ).not.toThrow();
  });

  it("refuses another media type with 415, naming what was sent and what is accepted", async () => {
    const err = await appErrorFrom(() =>
      requireContentType(post("name=x", { "content-type": "application/x-www-form-urlencoded" }), ["application/json"]),
    );
    expect(err.code).toBe("unsupported_media_type");
    expect(err.message).toBe("Send the body as application/json, not application/x-www-form-urlencoded");
    expect(err.details).toEqual({ accepted: ["application/json"] });
  });

  it("refuses a request with no Content-Type with 415", async () => {
    const err = await appErrorFrom(() =>
      requireContentType(new Request(url, { method: "POST" }), ["application/json"]),
    );
    expect(err.code).toBe("unsupported_media_type");
    expect(err.message).toBe("Send the body as application/json");
  });
});

describe("requireContentEncoding", () => {
  it("accepts the coding in any case", () => {
    expect(() => requireContentEncoding(post("x", { "content-encoding": "Snappy" }), "snappy")).not.toThrow();
  });

  it("refuses another coding, or none, with 415 naming the one accepted", async () => {
    const gzip = await appErrorFrom(() => requireContentEncoding(post("x", { "content-encoding": "gzip" }), "snappy"));
    expect(gzip.code).toBe("unsupported_media_type");
    expect(gzip.message).toBe("Send the body with Content-Encoding: snappy, not gzip");
    expect(gzip.details).toEqual({ accepted: ["snappy"] });
    const none = await appErrorFrom(() => requireContentEncoding(post("x", {}), "snappy"));
    expect(none.message).toBe("Send the body with Content-Encoding: snappy");
  });
});

describe("readJson", () => {
  it("parses and validates a JSON body, applying the schema's defaults", async () => {
    await expect(readJson(post('{"name":"ams1"}'), Site)).resolves.toEqual({ name: "ams1", racks: 0 });
  });

  it("refuses a body that is not JSON with 415 before reading it", async () => {
    const req = post("name=ams1", { "content-type": "application/x-www-form-urlencoded" });
    const err = await appErrorFrom(() => readJson(req, Site));
    expect(err.code).toBe("unsupported_media_type");
    expect(req.bodyUsed).toBe(false);
  });

  it("refuses malformed JSON with 400 invalid_json", async () => {
    const err = await appErrorFrom(() => readJson(post('{"name": "ams1",'), Site));
    expect(err.code).toBe("invalid_json");
    expect(err.message).toMatch(/^The body is not valid JSON: /);
  });

  it("refuses an empty body with 400 invalid_json", async () => {
    await expect(appErrorFrom(() => readJson(post(null), Site))).resolves.toMatchObject({ code: "invalid_json" });
  });

  it("refuses JSON that does not match the schema with a ZodError (422 at the edge)", async () => {
    const err = await thrownBy(() => readJson(post('{"name":""}'), Site));
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0]?.path).toEqual(["name"]);
  });

  // readJson takes its limit from the configuration; these use whatever it is.
  it("refuses with 413 when Content-Length declares more than the configured limit", async () => {
    const limit = getConfig().RACKMIND_MAX_BODY_BYTES;
    const req = post('{"name":"ams1"}', { "content-type": "application/json", "content-length": String(limit + 1) });
    await expect(appErrorFrom(() => readJson(req, Site))).resolves.toMatchObject({ code: "payload_too_large" });
  });

  it("refuses with 413 when a streamed body passes the configured limit", async () => {
    const limit = getConfig().RACKMIND_MAX_BODY_BYTES;
    const chunk = new Uint8Array(Math.ceil((limit + 1) / 4)).fill(0x20);
    await expect(appErrorFrom(() => readJson(streamed([chunk, chunk, chunk, chunk]), Site))).resolves.toMatchObject({
      code: "payload_too_large",
    });
  });
});

describe("readQuery", () => {
  const Query = z.object({
    status: z.union([z.string(), z.array(z.string())]).optional(),
    limit: z.coerce.number().int().optional(),
  });

  it("reads single keys as strings", () => {
    expect(readQuery(new Request(`${url}?status=active&limit=20`), Query)).toEqual({ status: "active", limit: 20 });
  });

  it("reads a repeated key as an array, in order", () => {
    expect(readQuery(new Request(`${url}?status=active&limit=5&status=maintenance`), Query)).toEqual({
      status: ["active", "maintenance"],
      limit: 5,
    });
  });

  it("reads no query string as an empty object", () => {
    expect(readQuery(new Request(url), z.object({}).strict())).toEqual({});
  });

  it("decodes percent-encoded values", () => {
    expect(readQuery(new Request(`${url}?status=a%20b%26c`), Query)).toEqual({ status: "a b&c" });
  });

  it("refuses a query that does not match the schema with a ZodError (422 at the edge)", () => {
    expect(() => readQuery(new Request(`${url}?limit=many`), Query)).toThrow(ZodError);
  });
});
