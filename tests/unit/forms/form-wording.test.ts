import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Translate } from "../../../lib/i18n/translate";
import { genericCodes, sayApiFailure, specificCodes } from "../../../components/forms/form-wording";

// What a form shows for an API failure on a page in Chinese: a generic
// failure in the catalogue's own sentence, a specific refusal in the API's
// words after the kind of refusal (English pages show the API's words as sent).

const forms = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), `messages/${locale}/forms.json`), "utf8"));
const apiErrors = (locale: string) =>
  createTranslator({ locale, messages: { forms: forms(locale) }, namespace: "forms.apiErrors" }) as Translate;
const zh = apiErrors("zh-CN");
const en = apiErrors("en");

// The codes a form can meet that carry nothing the reader needs beyond their kind.
const listedGenericCodes = [
  "network",
  "bad_response",
  "internal",
  "unauthenticated",
  "forbidden",
  "rate_limited",
  "unavailable",
  "insufficient_storage",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
];

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

describe("sayApiFailure in Chinese", () => {
  it("counts every listed generic code as generic", () => {
    expect(genericCodes).toEqual(expect.arrayContaining(listedGenericCodes));
  });

  it.each(genericCodes)("says %s in Chinese, never the API's English", (code) => {
    const said = sayApiFailure(zh, { code, message: "The API's English words" });
    expect(said).not.toContain("The API's English words");
    expect(hasHan(said)).toBe(true);
    expect(sayApiFailure(en, { code, message: "x" })).not.toBe("x");
  });

  it.each(specificCodes)("keeps the API's message of %s after the kind of refusal", (code) => {
    const said = sayApiFailure(zh, { code, message: "Receiver x already exists" });
    expect(said).toMatch(/^\p{Script=Han}+：Receiver x already exists$/u);
    expect(sayApiFailure(en, { code, message: "Receiver x already exists" })).toBe("Receiver x already exists");
  });

  it("names a conflict as one", () => {
    expect(sayApiFailure(zh, { code: "conflict", message: "Receiver x already exists" })).toBe(
      "冲突：Receiver x already exists",
    );
  });

  it("says how many minutes a lockout lasts when the details tell, rounded up", () => {
    expect(sayApiFailure(zh, { code: "rate_limited", message: "m", details: { retryAfterSeconds: 841 } })).toBe(
      "尝试次数过多，请在 15 分钟后再试。",
    );
    expect(sayApiFailure(en, { code: "rate_limited", message: "m", details: { retryAfterSeconds: 60 } })).toBe(
      "Too many attempts; try again in 1 minute.",
    );
  });

  it("says an answer without the API's error shape by its HTTP status", () => {
    expect(sayApiFailure(zh, { code: "http_502", message: "The server answered HTTP 502; please try again." })).toBe(
      "服务器返回 HTTP 502，请重试。",
    );
  });

  it("keeps the API's words for a code the catalogue does not know", () => {
    expect(sayApiFailure(zh, { code: "something_new", message: "Something new" })).toBe("Something new");
  });

  it("says every code of lib/errors.ts one way or the other", async () => {
    const { errorCodes } = await import("../../../lib/errors");
    for (const code of errorCodes) expect(hasHan(sayApiFailure(zh, { code, message: "English" })), code).toBe(true);
  });
});
