import { describe, expect, it } from "vitest";
import { readCookie } from "../../../lib/auth/authenticate";

describe("readCookie", () => {
  it("answers null when there is no Cookie header", () => {
    expect(readCookie(null, "rackmind_session")).toBeNull();
    expect(readCookie("", "rackmind_session")).toBeNull();
  });

  it("reads the only cookie", () => {
    expect(readCookie("rackmind_session=abc", "rackmind_session")).toBe("abc");
  });

  it("finds the named cookie among others, ignoring the spaces around them", () => {
    expect(readCookie("theme=dark;  rackmind_session=abc ; lang=nl", "rackmind_session")).toBe("abc");
    expect(readCookie("theme=dark; rackmind_session=abc; lang=nl", "lang")).toBe("nl");
  });

  it("answers null when the named cookie is absent", () => {
    expect(readCookie("theme=dark; lang=nl", "rackmind_session")).toBeNull();
  });

  it("matches the whole name, not a prefix or suffix of it", () => {
    expect(readCookie("rackmind_session_old=stale; x_rackmind_session=other", "rackmind_session")).toBeNull();
  });

  it("takes the first cookie when the name repeats", () => {
    expect(readCookie("rackmind_session=first; rackmind_session=second", "rackmind_session")).toBe("first");
  });

  it("keeps '=' characters inside the value", () => {
    expect(readCookie("rackmind_session=a=b==", "rackmind_session")).toBe("a=b==");
  });

  it("percent-decodes the value", () => {
    expect(readCookie("rackmind_session=a%20b%3Bc", "rackmind_session")).toBe("a b;c");
  });

  it("reads an empty value as the empty string", () => {
    expect(readCookie("rackmind_session=; lang=nl", "rackmind_session")).toBe("");
  });

  it("skips parts with no name or no '='", () => {
    expect(readCookie("=orphan; flag; rackmind_session=abc", "rackmind_session")).toBe("abc");
  });

  it("returns a value with a malformed %-escape as it is, instead of throwing", () => {
    expect(readCookie("rackmind_session=%E0%A4%A", "rackmind_session")).toBe("%E0%A4%A");
  });
});
