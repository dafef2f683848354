import { beforeAll, describe, expect, it, vi } from "vitest";
import * as sites from "../../../app/api/v1/sites/route";
import * as servers from "../../../app/api/v1/servers/route";
import * as audit from "../../../app/api/v1/audit/route";
import { resetConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let operator: string;
beforeAll(async () => {
  operator = (await tokensByRole()).operator;
});

const shape = { error: { code: expect.any(String), message: expect.any(String), details: expect.anything() } };

describe("the one error shape", () => {
  it("answers 400 invalid_json for a malformed JSON body", async () => {
    const res = await call(sites.POST, {
      token: operator,
      body: '{"name": "x",',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_json");
    expect(res.body.error.details).toBeNull();
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await call(sites.POST, {
      token: operator,
      body: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject(shape);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    process.env.RACKMIND_MAX_BODY_BYTES = "1024";
    resetConfig();
    try {
      const big = JSON.stringify({ name: "x".repeat(5000) });
      const declared = await call(sites.POST, {
        token: operator,
        body: big,
        headers: { "content-type": "application/json", "content-length": String(big.length) },
      });
      expect(declared.status).toBe(413);
      const stream = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      });
      const streamed = await call(sites.POST, {
        token: operator,
        body: stream,
        headers: { "content-type": "application/json" },
      });
      expect(streamed.status).toBe(413);
      expect(streamed.body.error.code).toBe("payload_too_large");
    } finally {
      delete process.env.RACKMIND_MAX_BODY_BYTES;
      resetConfig();
    }
  });

  it("answers 422 with every zod issue in details, and writes nothing", async () => {
    const res = await call(sites.POST, {
      token: operator,
      json: { name: "", tariffPerKwh: -1, timezone: "Mars/Olympus" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("unprocessable_entity");
    const paths = [...new Set((res.body.error.details as { path: string }[]).map((d) => d.path))].sort();
    expect(paths).toEqual(["name", "tariffPerKwh", "timezone"]);
    expect(await db.site.count()).toBe(0);
  });

  it("answers 422 for bad query parameters and 400 for a forged cursor", async () => {
    expect((await call(servers.GET, { token: operator, path: "/api/v1/servers?limit=0" })).status).toBe(422);
    expect((await call(servers.GET, { token: operator, path: "/api/v1/servers?status=broken" })).status).toBe(422);
    expect((await call(audit.GET, { token: operator, path: "/api/v1/audit?from=yesterday" })).status).toBe(422);
    const forged = await call(servers.GET, { token: operator, path: "/api/v1/servers?cursor=bm90LWEtY3Vyc29y" });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe("bad_request");
  });

  it("answers 503 with Retry-After when the database is gone, never the cause", async () => {
    const url = process.env.DATABASE_URL;
    const { disconnectDb } = await import("../../../lib/db");
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nothing";
    resetConfig();
    vi.resetModules();
    try {
      const fresh = await import("../../../app/api/v1/servers/route");
      const res = await call(fresh.GET, { token: operator });
      // Unreachable (Prisma's P1001 on the token lookup): a state to wait out, not a bug.
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.body.error).toMatchObject({ code: "unavailable", message: expect.stringMatching(/not reachable/) });
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|P1001/);
    } finally {
      const again = await import("../../../lib/db");
      await again.disconnectDb();
      process.env.DATABASE_URL = url;
      resetConfig();
    }
  });
});
