import { expect, test } from "./support/test";

test("the health check reports the embedded PGlite database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: { kind: "pglite" } });
});

test("listing servers without credentials is refused with the error shape", async ({ request }) => {
  const res = await request.get("/api/v1/servers");
  expect(res.status()).toBe(401);
  const body = await res.json();
  expect(body).toEqual({ error: { code: "unauthenticated", message: expect.any(String), details: null } });
});

test("the RACKMIND_ADMIN_TOKEN lists servers", async ({ request, state }) => {
  const res = await request.get("/api/v1/servers?site=pdx1&limit=5", {
    headers: { authorization: `Bearer ${state.adminToken}` },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.items).toHaveLength(5);
  expect(body.items[0]).toMatchObject({
    hostname: expect.stringMatching(/^pdx1-/),
    site: "pdx1",
    gpuCount: expect.any(Number),
  });
  expect(typeof body.nextCursor).toBe("string");
});

test("an unknown API path is a JSON 404 for any method, and a method a path lacks a JSON 405 with Allow", async ({
  request,
  state,
}) => {
  const auth = { authorization: `Bearer ${state.adminToken}` };
  for (const [method, path] of [
    ["GET", "/api/v1/nothing-here"],
    ["POST", "/api/v2/sites"],
    ["DELETE", "/api"],
    ["GET", "/api/v1/alert-rules/a/b"],
  ] as const) {
    const res = await request.fetch(path, { method, headers: auth });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()["content-type"], `${method} ${path}`).toContain("application/json");
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: expect.stringContaining(path), details: null },
    });
  }

  const wrong = await request.fetch("/api/v1/sites", { method: "DELETE", headers: auth });
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET, POST");
  expect(await wrong.json()).toEqual({
    error: {
      code: "method_not_allowed",
      message: "DELETE is not allowed on /api/v1/sites; it answers GET, POST",
      details: { allow: ["GET", "POST"] },
    },
  });
  // Without credentials too: which methods a path answers is no secret (the OpenAPI document lists them).
  expect((await request.fetch("/api/v1/racks/ams1/ams1-r01", { method: "PUT" })).status()).toBe(405);
  // What the path does answer still works, HEAD included.
  expect((await request.get("/api/v1/sites", { headers: auth })).status()).toBe(200);
  expect((await request.head("/api/health")).status()).toBe(200);
});
