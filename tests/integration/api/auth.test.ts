import { beforeAll, describe, expect, it } from "vitest";
import * as sites from "../../../app/api/v1/sites/route";
import * as servers from "../../../app/api/v1/servers/route";
import * as tokens from "../../../app/api/v1/tokens/route";
import * as tokenById from "../../../app/api/v1/tokens/[id]/route";
import * as me from "../../../app/api/v1/me/route";
import { db } from "../../../lib/db";
import type { Role } from "../../../lib/auth/permissions";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let token: Record<Role, string>;
beforeAll(async () => {
  token = await tokensByRole();
});

describe("authentication and roles", () => {
  it("answers 401 in the error shape without credentials", async () => {
    const res = await call(servers.GET, { path: "/api/v1/servers" });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: "unauthenticated", message: expect.any(String), details: null } });
  });

  it("answers 401 for an unknown token and for a malformed Authorization header", async () => {
    expect((await call(servers.GET, { token: "rmk_not-a-real-token" })).status).toBe(401);
    expect((await call(servers.GET, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("lets a viewer read but answers 403 on a write, writing nothing", async () => {
    expect((await call(servers.GET, { token: token.viewer })).status).toBe(200);
    const res = await call(sites.POST, { token: token.viewer, json: { name: "viewer-site" } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(await db.site.count({ where: { name: "viewer-site" } })).toBe(0);
  });

  it("lets an operator create a site (201), audited in the same transaction", async () => {
    const res = await call(sites.POST, {
      token: token.operator,
      json: { name: "fra1", tariffPerKwh: 0.19, currency: "EUR", carbonGPerKwh: 380, timezone: "Europe/Berlin" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "fra1",
      tariffPerKwh: 0.19,
      currency: "EUR",
      carbonGPerKwh: 380,
      timezone: "Europe/Berlin",
      rackCount: 0,
    });
    const event = await db.auditEvent.findFirst({ where: { action: "site.create", target: "site:fra1" } });
    expect(event?.actor).toBe("token:test-operator");
  });

  it("answers 409 for a duplicate site name", async () => {
    await call(sites.POST, { token: token.operator, json: { name: "dup1" } });
    const res = await call(sites.POST, { token: token.operator, json: { name: "dup1" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });

  it("keeps token management to admins", async () => {
    expect((await call(tokens.POST, { token: token.operator, json: { name: "x", role: "viewer" } })).status).toBe(403);
    const created = await call(tokens.POST, { token: token.admin, json: { name: "ci", role: "operator" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "ci", role: "operator", token: expect.stringMatching(/^rmk_/) });
    const who = await call(me.GET, { token: created.body.token });
    expect(who.body).toEqual({ name: "ci", role: "operator", kind: "token" });
  });

  it("stores only a hash of a new token and never lists the secret", async () => {
    const created = await call(tokens.POST, { token: token.admin, json: { name: "hashed", role: "viewer" } });
    const row = await db.apiToken.findFirstOrThrow({ where: { name: "hashed" } });
    expect(row.tokenHash).not.toContain(created.body.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await call(tokens.GET, { token: token.admin });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
  });

  it("stops accepting a revoked token", async () => {
    const created = await call(tokens.POST, { token: token.admin, json: { name: "short-lived", role: "viewer" } });
    expect((await call(me.GET, { token: created.body.token })).status).toBe(200);
    const revoked = await call(tokenById.DELETE, {
      method: "DELETE",
      token: token.admin,
      params: { id: created.body.id },
    });
    expect(revoked.status).toBe(204);
    expect((await call(me.GET, { token: created.body.token })).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "token.revoke", target: `token:${created.body.id}` } })).toBe(
      1,
    );
  });
});
