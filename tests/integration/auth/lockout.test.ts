import { beforeAll, describe, expect, it } from "vitest";
import * as login from "../../../app/api/v1/auth/login/route";
import * as lockouts from "../../../app/api/v1/auth/lockouts/route";
import * as unlock from "../../../app/api/v1/auth/lockouts/[kind]/[subject]/route";
import * as userByName from "../../../app/api/v1/users/[name]/route";
import * as password from "../../../app/api/v1/users/[name]/password/route";
import { loginLimits, pruneLoginThrottles } from "../../../lib/auth/lockout";
import type { Role } from "../../../lib/auth/permissions";
import { systemPrincipal } from "../../../lib/auth/principal";
import { createUser } from "../../../lib/auth/users";
import { db } from "../../../lib/db";
import { call } from "../../support/http";
import { tokensByRole } from "../../support/principals";

let token: Record<Role, string>;
beforeAll(async () => {
  token = await tokensByRole();
  for (const name of ["kim", "lee", "max", "ned"])
    await createUser({ name, password: `${name}-password`, role: "viewer" }, systemPrincipal);
});

const attempt = (name: string, pw: string, address?: string) =>
  call(login.POST, { json: { name, password: pw }, headers: address ? { "x-forwarded-for": address } : {} });

async function failUntilLocked(name: string, address?: string) {
  for (let i = 1; i < loginLimits.userFailures; i++) expect((await attempt(name, "wrong", address)).status).toBe(401);
  return attempt(name, "wrong", address);
}

describe("login rate limiting and lockout", () => {
  it("locks a name after 5 failures: 429 with Retry-After and the wait in words, even for the right password", async () => {
    const fifth = await failUntilLocked("kim");
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get("retry-after")).toBe(String(loginLimits.lockMinutes * 60));
    expect(fifth.body.error).toMatchObject({
      code: "rate_limited",
      message: "Too many failed attempts; try again in 15 minutes.",
      details: { scope: "user", retryAfterSeconds: 900, lockedUntil: expect.any(String) },
    });
    const right = await attempt("kim", "kim-password");
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", target: "user:kim" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.login_throttled", target: "user:kim" } })).toBe(1);
  });

  it("locks an unknown name the same way, so a lock does not reveal who exists", async () => {
    const fifth = await failUntilLocked("nobody-here");
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.message).toBe("Too many failed attempts; try again in 15 minutes.");
  });

  it("forgets failures after a successful sign-in", async () => {
    for (let i = 0; i < loginLimits.userFailures - 1; i++) await attempt("lee", "wrong");
    expect((await attempt("lee", "lee-password")).status).toBe(200);
    expect((await attempt("lee", "wrong")).status).toBe(401);
  });

  it("lets the lock end by itself when its time has passed", async () => {
    expect((await failUntilLocked("max")).status).toBe(429);
    await db.loginThrottle.update({
      where: { key: "user:max" },
      data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 31 * 60_000) },
    });
    expect((await attempt("max", "max-password")).status).toBe(200);
  });

  it("lists locks to admins and lets an admin unlock, audited; viewers get 403", async () => {
    expect((await failUntilLocked("ned")).status).toBe(429);
    expect((await call(lockouts.GET, { token: token.viewer })).status).toBe(403);
    const list = await call(lockouts.GET, { token: token.admin });
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ kind: "user", subject: "ned", failures: loginLimits.userFailures }),
    );
    const user = await call(userByName.GET, { token: token.admin, params: { name: "ned" } });
    expect(user.body.lockedUntil).toEqual(expect.any(String));

    const params = { kind: "user", subject: "ned" };
    expect((await call(unlock.DELETE, { method: "DELETE", token: token.operator, params })).status).toBe(403);
    expect((await call(unlock.DELETE, { method: "DELETE", token: token.admin, params })).status).toBe(204);
    expect(await db.auditEvent.count({ where: { action: "auth.unlock", target: "user:ned" } })).toBe(1);
    expect((await attempt("ned", "ned-password")).status).toBe(200);
    // Unlocking again changes nothing and writes nothing.
    expect((await call(unlock.DELETE, { method: "DELETE", token: token.admin, params })).status).toBe(204);
    expect(await db.auditEvent.count({ where: { action: "auth.unlock", target: "user:ned" } })).toBe(1);
    const bad = await call(unlock.DELETE, {
      method: "DELETE",
      token: token.admin,
      params: { kind: "x", subject: "y" },
    });
    expect(bad.status).toBe(422);
  });

  it("a password reset lifts the lock on the name", async () => {
    await createUser({ name: "olga", password: "olga-password", role: "viewer" }, systemPrincipal);
    expect((await failUntilLocked("olga")).status).toBe(429);
    const reset = await call(password.POST, {
      token: token.admin,
      params: { name: "olga" },
      json: { password: "olga-new-password" },
    });
    expect(reset.status).toBe(200);
    expect((await attempt("olga", "olga-new-password")).status).toBe(200);
  });

  it("throttles one client address across many names", async () => {
    const address = "198.51.100.23";
    let last = await attempt("addr-0", "wrong", address);
    for (let i = 1; i < loginLimits.addressFailures; i++) last = await attempt(`addr-${i}`, "wrong", address);
    expect(last.status).toBe(429);
    expect(last.body.error.message).toBe("Too many failed sign-ins from this address; try again in 15 minutes.");
    expect(last.body.error.details.scope).toBe("address");
    // Another address is not affected.
    expect((await attempt("lee", "lee-password", "198.51.100.24")).status).toBe(200);
    expect((await attempt("lee", "lee-password", address)).status).toBe(429);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout", target: `address:${address}` } })).toBe(1);
  });

  it("prunes spent counts but keeps locks in force and counts still in their window", async () => {
    await attempt("pat", "wrong");
    await db.loginThrottle.update({
      where: { key: "user:pat" },
      data: { windowStart: new Date(Date.now() - 16 * 60_000) },
    });
    await attempt("quinn", "wrong");
    expect((await failUntilLocked("rae")).status).toBe(429);
    await db.loginThrottle.update({
      where: { key: "user:rae" },
      data: { windowStart: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await pruneLoginThrottles()).toBeGreaterThanOrEqual(1);
    const keys = (await db.loginThrottle.findMany()).map((r) => r.key);
    expect(keys).not.toContain("user:pat");
    expect(keys).toEqual(expect.arrayContaining(["user:quinn", "user:rae"]));
  });
});
