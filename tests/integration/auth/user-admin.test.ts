import { beforeAll, describe, expect, it } from "vitest";
import * as login from "../../../app/api/v1/auth/login/route";
import * as me from "../../../app/api/v1/me/route";
import * as tokens from "../../../app/api/v1/tokens/route";
import * as users from "../../../app/api/v1/users/route";
import * as userByName from "../../../app/api/v1/users/[name]/route";
import * as password from "../../../app/api/v1/users/[name]/password/route";
import type { Role } from "../../../lib/auth/permissions";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let token: Record<Role, string>;
beforeAll(async () => {
  token = await tokensByRole();
  // An admin user besides the ones tests disable, so only the last-admin test meets that guard.
  await createUser("root", "admin");
});

async function createUser(name: string, role: Role, pw = "a-good-password") {
  const res = await call(users.POST, { token: token.admin, json: { name, role, password: pw } });
  expect(res.status).toBe(201);
  return res.body;
}

async function signInCookie(name: string, pw: string): Promise<string> {
  const res = await call(login.POST, { json: { name, password: pw } });
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const patch = (name: string, json: unknown, auth: { token?: string; cookie?: string } = { token: token.admin }) =>
  call(userByName.PATCH, { method: "PATCH", ...auth, params: { name }, json });

describe("user administration API", () => {
  it("creates a user and refuses bad input with 422 naming the field, writing nothing", async () => {
    const short = await call(users.POST, { token: token.admin, json: { name: "bob", role: "viewer", password: "x" } });
    expect(short.status).toBe(422);
    expect(short.body.error.details).toEqual([expect.objectContaining({ path: "password" })]);
    expect(await db.user.count({ where: { name: "bob" } })).toBe(0);
    const created = await createUser("bob", "viewer");
    expect(created).toMatchObject({ name: "bob", role: "viewer", disabled: false, lockedUntil: null });
    expect(await db.auditEvent.count({ where: { action: "user.create", target: "user:bob" } })).toBe(1);
    const taken = await call(users.POST, {
      token: token.admin,
      json: { name: "bob", role: "admin", password: "pw-long-enough" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "conflict", details: { field: "name" } });
  });

  it("keeps user changes to admins: 403 for an operator, nothing changed", async () => {
    await createUser("carol", "viewer");
    const res = await patch("carol", { role: "admin" }, { token: token.operator });
    expect(res.status).toBe(403);
    const reset = await call(password.POST, { token: token.operator, params: { name: "carol" }, json: {} });
    expect(reset.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { name: "carol" } })).role).toBe("viewer");
  });

  it("changes a role, audited with from and to; an unknown field or role is a 422", async () => {
    await createUser("dave", "viewer");
    const res = await patch("dave", { role: "operator" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "dave", role: "operator" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_change", target: "user:dave" } });
    expect(event.details).toEqual({ from: "viewer", to: "operator" });
    expect((await patch("dave", { role: "root" })).status).toBe(422);
    expect((await patch("dave", { name: "eve" })).status).toBe(422);
    expect((await patch("nobody", { role: "viewer" })).status).toBe(404);
  });

  it("disabling ends the user's sessions and revokes the tokens they created; re-enabling is audited", async () => {
    await createUser("erin", "admin", "erin-password");
    const cookie = await signInCookie("erin", "erin-password");
    const made = await call(tokens.POST, { cookie, json: { name: "erin-ci", role: "viewer" } });
    expect(made.status).toBe(201);
    expect((await call(me.GET, { token: made.body.token })).status).toBe(200);

    const res = await patch("erin", { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ disabled: true, disabledAt: expect.any(String) });
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { token: made.body.token })).status).toBe(401);
    expect(await db.session.count({ where: { user: { name: "erin" } } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.disable", target: "user:erin" } });
    expect(event.details).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expect((await call(login.POST, { json: { name: "erin", password: "erin-password" } })).status).toBe(401);

    expect((await patch("erin", { disabled: false })).body.disabled).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "user.enable", target: "user:erin" } })).toBe(1);
    expect((await call(login.POST, { json: { name: "erin", password: "erin-password" } })).status).toBe(200);
  });

  it("refuses to disable yourself, with 409 naming the field", async () => {
    await createUser("frank", "admin", "frank-password");
    const cookie = await signInCookie("frank", "frank-password");
    const res = await patch("frank", { disabled: true }, { cookie });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: { field: "disabled", reason: "self" } });
    expect((await db.user.findUniqueOrThrow({ where: { name: "frank" } })).disabledAt).toBeNull();
  });

  it("never demotes or disables the last active admin", async () => {
    // Leave exactly one active admin: every other admin user is disabled first.
    const others = await db.user.findMany({ where: { role: "admin", disabledAt: null } });
    await createUser("grace", "admin");
    for (const u of others) expect((await patch(u.name, { disabled: true })).status).toBe(200);

    const demote = await patch("grace", { role: "operator" });
    expect(demote.status).toBe(409);
    expect(demote.body.error.details).toMatchObject({ field: "role", reason: "last_active_admin" });
    expect(demote.body.error.message).toMatch(/grace is the last active admin/);
    const disable = await patch("grace", { disabled: true });
    expect(disable.status).toBe(409);
    expect(disable.body.error.details).toMatchObject({ field: "disabled" });
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { target: "user:grace", action: { not: "user.create" } } })).toBe(0);

    // With a second admin, the first can step down.
    await createUser("heidi", "admin");
    expect((await patch("grace", { role: "operator" })).status).toBe(200);
    for (const u of others) await patch(u.name, { disabled: false });
  });

  it("resets a password to a generated one shown once, ending the user's sessions", async () => {
    await createUser("ivan", "operator", "ivan-password");
    const cookie = await signInCookie("ivan", "ivan-password");
    const res = await call(password.POST, { token: token.admin, params: { name: "ivan" }, json: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "ivan", generatedPassword: expect.stringMatching(/^\w{5}-/) });
    expect(res.body.sessionsEnded).toBe(1);
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(login.POST, { json: { name: "ivan", password: "ivan-password" } })).status).toBe(401);
    await signInCookie("ivan", res.body.generatedPassword);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.password_reset", target: "user:ivan" },
    });
    expect(JSON.stringify(event.details)).not.toContain(res.body.generatedPassword);
  });

  it("sets a chosen password under the policy; a short one is a 422 on the password field", async () => {
    await createUser("judy", "viewer");
    const short = await call(password.POST, {
      token: token.admin,
      params: { name: "judy" },
      json: { password: "123" },
    });
    expect(short.status).toBe(422);
    expect(short.body.error.details[0].path).toBe("password");
    const ok = await call(password.POST, {
      token: token.admin,
      params: { name: "judy" },
      json: { password: "judy-new-password" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.generatedPassword).toBeNull();
    await signInCookie("judy", "judy-new-password");
  });
});
