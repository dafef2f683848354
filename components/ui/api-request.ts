import type { z } from "zod";

// Browser-side calls to Rackmind's own API, shared by the client islands (login,
// sign-out, token forms). It lives with the UI because it only runs in the
// browser and only turns the API's one error shape into something to display.

/** `details` is the error's `details` as sent (e.g. the bad lines of an import), or null. */
export type ApiFailure = { ok: false; status: number; code: string; message: string; details: unknown };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

type ErrorShape = { error: { code: string; message: string; details?: unknown } };

function isErrorShape(body: unknown): body is ErrorShape {
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === "string" && typeof error.message === "string";
}

async function readFailure(res: Response): Promise<ApiFailure> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorShape(body))
    return {
      ok: false,
      status: res.status,
      code: body.error.code,
      message: body.error.message,
      details: body.error.details ?? null,
    };
  return {
    ok: false,
    status: res.status,
    code: `http_${res.status}`,
    message: `The server answered HTTP ${res.status}; please try again.`,
    details: null,
  };
}

/** A body sent as is rather than as JSON, e.g. a CSV file straight from a file input. */
export type RawBody = { contentType: string; data: Blob | string };

type RequestOptions<S> = { body?: unknown; raw?: RawBody; schema?: S };

function encodeBody(options: RequestOptions<unknown>): Pick<RequestInit, "headers" | "body"> {
  if (options.raw) return { headers: { "content-type": options.raw.contentType }, body: options.raw.data };
  if (options.body !== undefined)
    return { headers: { "content-type": "application/json" }, body: JSON.stringify(options.body) };
  return {};
}

/**
 * Sends JSON (`body`), a raw body (`raw`) or nothing, and parses the answer with
 * `schema` when one is given. Never throws: network failures and API errors both
 * come back as `ok: false` with a message fit to show to the person who clicked.
 */
export async function requestApi<S extends z.ZodType>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  options: RequestOptions<S> = {},
): Promise<ApiResult<z.infer<S>>> {
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: "same-origin", ...encodeBody(options) });
  } catch {
    return {
      ok: false,
      status: 0,
      code: "network",
      message: "Rackmind could not be reached. Check the connection and try again.",
      details: null,
    };
  }
  if (!res.ok) return readFailure(res);
  if (!options.schema) return { ok: true, data: undefined as z.infer<S> };
  const parsed = options.schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) {
    return {
      ok: false,
      status: res.status,
      code: "bad_response",
      message: "The server sent an answer this page does not understand.",
      details: null,
    };
  }
  return { ok: true, data: parsed.data };
}
