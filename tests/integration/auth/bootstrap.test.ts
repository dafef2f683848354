import { describe, expect, it } from "vitest";
import * as me from "../../../app/api/v1/me/route";
import * as login from "../../../app/api/v1/auth/login/route";
import { createDemoUsers, ensureEnvAdminPassword, ensureEnvAdminToken } from "../../../lib/auth/bootstrap";
import { db } from "../../../lib/db";
import { call } from "../../support/http";

describe("start-up credentials", () => {
  it("creates demo admin/operator/viewer once, with passwords that sign in", async () => {
    const creds = await createDemoUsers();
    expect(creds.map((c) => [c.name, c.role])).toEqual([
      ["admin", "admin"],
      ["operator", "operator"],
      ["viewer", "viewer"],
    ]);
    for (const c of creds) {
      expect(c.password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
      const res = await call(login.POST, { json: { name: c.name, password: c.password } });
      expect(res.body).toEqual({ name: c.name, role: c.role });
    }
    expect(await createDemoUsers()).toEqual([]);
    expect(await db.user.count()).toBe(3);
    const stored = await db.user.findMany();
    for (const u of stored) expect(u.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("makes RACKMIND_ADMIN_TOKEN an admin token, and revokes the old one when it changes", async () => {
    await ensureEnvAdminToken("first-admin-token-value");
    await ensureEnvAdminToken("first-admin-token-value");
    expect((await call(me.GET, { token: "first-admin-token-value" })).body.role).toBe("admin");
    await ensureEnvAdminToken("second-admin-token-value");
    expect((await call(me.GET, { token: "first-admin-token-value" })).status).toBe(401);
    expect((await call(me.GET, { token: "second-admin-token-value" })).body.role).toBe("admin");
    expect(await db.apiToken.count({ where: { name: "env:RACKMIND_ADMIN_TOKEN", revokedAt: null } })).toBe(1);
  });

  it("makes RACKMIND_ADMIN_PASSWORD the admin password", async () => {
    await ensureEnvAdminPassword("chosen-by-the-operator");
    const res = await call(login.POST, { json: { name: "admin", password: "chosen-by-the-operator" } });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("admin");
    expect(await db.auditEvent.count({ where: { action: "user.password_set", target: "user:admin" } })).toBe(1);
    await ensureEnvAdminPassword("chosen-by-the-operator");
    expect(await db.auditEvent.count({ where: { action: "user.password_set", target: "user:admin" } })).toBe(1);
  });
});
