type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  token?: string;
  cookie?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
};

/**
 * Calls a Next.js route handler the way Next does — a Web Request in, a Response
 * out — against the real database. Returns the status and the parsed JSON body.
 */
export async function call(handler: RouteHandler, opts: CallOptions = {}) {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  if (opts.cookie) headers.set("cookie", opts.cookie);
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(`http://rackmind.test${opts.path ?? "/"}`, {
    method: opts.method ?? (body ? "POST" : "GET"),
    headers,
    body,
    // Node needs this for a streamed body (the 413 test sends one without a length).
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  // application/json and +json types; not application/x-ndjson, which is many documents.
  const isJson = /^application\/([\w.-]+\+)?json(;|$)/.test(res.headers.get("content-type") ?? "");
  return { status: res.status, headers: res.headers, body: (isJson && text ? JSON.parse(text) : text) as any };
}
