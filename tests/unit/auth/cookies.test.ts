import { describe, expect, it } from "vitest";
import { clearedSessionCookie, isHttps, sessionCookie } from "../../../lib/auth/cookies";
import { readCookie } from "../../../lib/auth/authenticate";
import { SESSION_COOKIE } from "../../../lib/auth/sessions";

const expiresAt = new Date("2030-01-02T03:04:05Z");
const attributes = (cookie: string) => cookie.split("; ").slice(1);

describe("sessionCookie", () => {
  it("sets the session cookie for the whole site, HttpOnly and SameSite=Lax", () => {
    const cookie = sessionCookie("rms_abc", expiresAt, false);
    expect(cookie.startsWith(`${SESSION_COOKIE}=rms_abc; `)).toBe(true);
    expect(attributes(cookie)).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
  });

  it("expires at the session's end, as an HTTP date", () => {
    expect(attributes(sessionCookie("rms_abc", expiresAt, false))).toContain("Expires=Wed, 02 Jan 2030 03:04:05 GMT");
  });

  it("is Secure only when asked to be", () => {
    expect(attributes(sessionCookie("rms_abc", expiresAt, true))).toContain("Secure");
    expect(attributes(sessionCookie("rms_abc", expiresAt, false))).not.toContain("Secure");
  });

  it("encodes the value so readCookie gives it back unchanged", () => {
    const value = "a b;c=d%";
    const cookie = sessionCookie(value, expiresAt, false);
    expect(cookie.split("; ")[0]).not.toMatch(/[ ;]/);
    expect(readCookie(cookie.split("; ")[0]!, SESSION_COOKIE)).toBe(value);
  });
});

describe("clearedSessionCookie", () => {
  it("empties the session cookie and expires it at once, with the same scope and flags", () => {
    const cookie = clearedSessionCookie();
    expect(cookie.startsWith(`${SESSION_COOKIE}=; `)).toBe(true);
    expect(attributes(cookie)).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"]));
  });
});

describe("isHttps", () => {
  it("is true for an https URL", () => {
    expect(isHttps(new Request("https://rackmind.example/api/v1/auth/login"))).toBe(true);
  });

  it("is false for a plain http URL", () => {
    expect(isHttps(new Request("http://localhost:3000/api/v1/auth/login"))).toBe(false);
  });

  it("is true behind a proxy that terminated TLS and says so in X-Forwarded-Proto", () => {
    const req = new Request("http://localhost:3000/api/v1/auth/login", { headers: { "x-forwarded-proto": "https" } });
    expect(isHttps(req)).toBe(true);
  });

  it("is false when X-Forwarded-Proto says http", () => {
    const req = new Request("http://localhost:3000/api/v1/auth/login", { headers: { "x-forwarded-proto": "http" } });
    expect(isHttps(req)).toBe(false);
  });

  it("reads the first hop of a proxy chain, in any case", () => {
    const via = (proto: string) =>
      isHttps(new Request("http://rackmind.internal/", { headers: { "x-forwarded-proto": proto } }));
    expect(via("https, http")).toBe(true);
    expect(via("HTTPS")).toBe(true);
    expect(via("http, https")).toBe(false);
  });
});
