import { beforeAll, describe, expect, it } from "vitest";
import * as login from "../../../app/api/v1/auth/login/route";
import * as me from "../../../app/api/v1/me/route";
import * as tokens from "../../../app/api/v1/tokens/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { createUser } from "../../../lib/auth/users";
import { db } from "../../../lib/db";
import { getUserLocale } from "../../../lib/i18n/preference";
import { call } from "../../support/http";

let cookie = "";

beforeAll(async () => {
  await createUser({ name: "mei", password: "correct horse battery", role: "viewer" }, systemPrincipal);
  const res = await call(login.POST, { json: { name: "mei", password: "correct horse battery" } });
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
});

describe("the user's interface language", () => {
  it("is remembered on the user by PATCH /api/v1/me, even for a viewer, and audited", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { name: "mei" } });
    expect(await getUserLocale(user.id)).toBeNull();
    const res = await call(me.PATCH, { method: "PATCH", cookie, json: { locale: "zh-CN" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ locale: "zh-CN" });
    expect(await getUserLocale(user.id)).toBe("zh-CN");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.set_locale" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actor: "user:mei", target: "user:mei", details: { locale: "zh-CN" } });
    const cleared = await call(me.PATCH, { method: "PATCH", cookie, json: { locale: null } });
    expect(cleared.body).toEqual({ locale: null });
    expect(await getUserLocale(user.id)).toBeNull();
    // GET /me keeps its documented shape.
    expect((await call(me.GET, { cookie })).body).toEqual({ role: "viewer", name: "mei", kind: "user" });
  });

  it("refuses a language there is no catalogue for, and unknown fields, with 422 and nothing written", async () => {
    const before = await db.auditEvent.count({ where: { action: "user.set_locale" } });
    for (const json of [{ locale: "fr" }, { locale: "zh-CN", theme: "dark" }, {}]) {
      const res = await call(me.PATCH, { method: "PATCH", cookie, json });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("unprocessable_entity");
    }
    expect(await db.auditEvent.count({ where: { action: "user.set_locale" } })).toBe(before);
  });

  it("answers 401 without credentials and 400 for an API token, which has no language", async () => {
    expect((await call(me.PATCH, { method: "PATCH", json: { locale: "en" } })).status).toBe(401);
    await createUser({ name: "root", password: "correct horse battery", role: "admin" }, systemPrincipal);
    const signIn = await call(login.POST, { json: { name: "root", password: "correct horse battery" } });
    const adminCookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const created = await call(tokens.POST, { cookie: adminCookie, json: { name: "ci", role: "viewer" } });
    expect(created.status).toBe(201);
    const res = await call(me.PATCH, { method: "PATCH", token: created.body.token, json: { locale: "en" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
  });
});
