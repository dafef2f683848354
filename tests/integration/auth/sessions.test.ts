import { beforeAll, describe, expect, it } from "vitest";
import * as login from "../../../app/api/v1/auth/login/route";
import * as logout from "../../../app/api/v1/auth/logout/route";
import * as me from "../../../app/api/v1/me/route";
import * as sites from "../../../app/api/v1/sites/route";
import { createUser } from "../../../lib/auth/users";
import { systemPrincipal } from "../../../lib/auth/principal";
import { pruneExpiredSessions } from "../../../lib/auth/sessions";
import { db } from "../../../lib/db";
import { call } from "../../support/http";

beforeAll(async () => {
  await createUser({ name: "alice", password: "correct horse battery", role: "operator" }, systemPrincipal);
});

function sessionCookieOf(res: { headers: Headers }): string {
  const setCookie = res.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0]!;
}

describe("sign-in sessions", () => {
  it("signs in with the right password: an httpOnly cookie that /me accepts, and an audit record", async () => {
    const res = await call(login.POST, {
      json: { name: "alice", password: "correct horse battery" },
      headers: { "user-agent": "vitest" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: "alice", role: "operator" });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^rackmind_session=rms_/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const who = await call(me.GET, { cookie: sessionCookieOf(res) });
    expect(who.body).toEqual({ name: "alice", role: "operator", kind: "user" });
    const event = await db.auditEvent.findFirst({ where: { action: "auth.login", actor: "user:alice" } });
    expect(event?.target).toBe("user:alice");
  });

  it("refuses a wrong password and an unknown user alike, and audits the failure", async () => {
    const wrong = await call(login.POST, { json: { name: "alice", password: "nope" } });
    const unknown = await call(login.POST, { json: { name: "mallory", password: "nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "auth.login_failed", target: { in: ["user:alice", "user:mallory"] } },
      }),
    ).toBe(2);
  });

  it("records the client address a proxy reports, on failed and successful sign-ins alike", async () => {
    const failed = await call(login.POST, {
      json: { name: "alice", password: "nope" },
      headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.2", "user-agent": "curl/8" },
    });
    expect(failed.status).toBe(401);
    const ok = await call(login.POST, {
      json: { name: "alice", password: "correct horse battery" },
      headers: { "x-real-ip": "2001:db8::7" },
    });
    expect(ok.status).toBe(200);
    const unknown = await call(login.POST, { json: { name: "nobody-at-all", password: "nope" } });
    expect(unknown.status).toBe(401);

    const latest = (action: string, target: string) =>
      db.auditEvent.findFirstOrThrow({ where: { action, target }, orderBy: { id: "desc" } });
    expect((await latest("auth.login_failed", "user:alice")).details).toEqual({
      userAgent: "curl/8",
      address: "203.0.113.9",
    });
    expect((await latest("auth.login", "user:alice")).details).toEqual({ userAgent: null, address: "2001:db8::7" });
    // No proxy header: the address is unknown, and says so.
    expect((await latest("auth.login_failed", "user:nobody-at-all")).details).toEqual({
      userAgent: null,
      address: null,
    });
  });

  it("ends the session on logout", async () => {
    const res = await call(login.POST, { json: { name: "alice", password: "correct horse battery" } });
    const cookie = sessionCookieOf(res);
    const out = await call(logout.POST, { method: "POST", cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "auth.logout", actor: "user:alice" } })).toBeGreaterThan(0);
  });

  it("rotates the session at sign-in: the cookie the browser signed in with stops working", async () => {
    const before = sessionCookieOf(
      await call(login.POST, { json: { name: "alice", password: "correct horse battery" } }),
    );
    const after = await call(login.POST, {
      cookie: before,
      json: { name: "alice", password: "correct horse battery" },
    });
    expect(after.status).toBe(200);
    expect(sessionCookieOf(after)).not.toBe(before);
    expect((await call(me.GET, { cookie: before })).status).toBe(401);
    expect((await call(me.GET, { cookie: sessionCookieOf(after) })).status).toBe(200);
  });

  it("refuses a write another site makes with the session cookie (CSRF), and allows this site's and tokens'", async () => {
    const res = await call(login.POST, { json: { name: "alice", password: "correct horse battery" } });
    const cookie = sessionCookieOf(res);
    const write = (name: string, headers: Record<string, string>) =>
      call(sites.POST, { cookie, json: { name }, headers: { host: "rackmind.test", ...headers } });
    const foreign: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://rackmind.test.evil.example" },
    ];
    for (const headers of foreign) {
      const refused = await write("csrf-lab", headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body.error.message).toMatch(/can't write with this site's session; use an API token/);
    }
    expect(await db.site.count({ where: { name: "csrf-lab" } })).toBe(0);
    // Reading is no write: a cross-site GET with the cookie still answers (SameSite=Lax decides what a browser sends).
    expect((await call(me.GET, { cookie, headers: { "sec-fetch-site": "cross-site" } })).status).toBe(200);
    expect(
      (await write("csrf-lab-1", { "sec-fetch-site": "same-origin", origin: "http://rackmind.test" })).status,
    ).toBe(201);
    expect((await write("csrf-lab-2", { origin: "http://rackmind.test" })).status).toBe(201);
    expect((await write("csrf-lab-3", {})).status).toBe(201); // curl with a cookie jar: no browser to drive
    await db.site.deleteMany({ where: { name: { startsWith: "csrf-lab" } } });
  });

  it("does not accept an expired session, and the pruner deletes it", async () => {
    const res = await call(login.POST, { json: { name: "alice", password: "correct horse battery" } });
    const cookie = sessionCookieOf(res);
    await db.session.updateMany({
      where: { user: { name: "alice" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect(await pruneExpiredSessions()).toBeGreaterThan(0);
    expect(await db.session.count({ where: { user: { name: "alice" } } })).toBe(0);
  });

  it("locks out a disabled user at once", async () => {
    const res = await call(login.POST, { json: { name: "alice", password: "correct horse battery" } });
    await db.user.update({ where: { name: "alice" }, data: { disabledAt: new Date() } });
    try {
      expect((await call(me.GET, { cookie: sessionCookieOf(res) })).status).toBe(401);
      expect((await call(login.POST, { json: { name: "alice", password: "correct horse battery" } })).status).toBe(401);
    } finally {
      await db.user.update({ where: { name: "alice" }, data: { disabledAt: null } });
    }
  });

  it("answers 401, not 500, to a session cookie that is not even well-formed", async () => {
    const res = await call(me.GET, { cookie: "rackmind_session=%E0%A4%A" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
    expect((await call(logout.POST, { method: "POST", cookie: "rackmind_session=%E0%A4%A" })).status).toBe(204);
  });
});
