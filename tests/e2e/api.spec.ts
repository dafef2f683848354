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
