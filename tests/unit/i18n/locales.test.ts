import { describe, expect, it } from "vitest";
import { asLocale, matchLocale, negotiateLocale, pickLocale } from "../../../lib/i18n/locales";

describe("choosing the interface language", () => {
  it("reads Accept-Language by weight, then order, mapping every Chinese to zh-CN", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("en-GB,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR, en;q=0.5, zh-TW;q=0.7")).toBe("zh-CN");
    expect(negotiateLocale("zh-Hant-HK")).toBe("zh-CN");
    expect(negotiateLocale("fr, de")).toBeNull();
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
    expect(negotiateLocale("")).toBeNull();
    expect(matchLocale("EN-us")).toBe("en");
  });

  it("prefers the user's choice, then the cookie, then the browser, then English", () => {
    const browser = "zh-CN,zh;q=0.9";
    expect(pickLocale({ user: "en", cookie: "zh-CN", acceptLanguage: browser })).toBe("en");
    expect(pickLocale({ user: null, cookie: "en", acceptLanguage: browser })).toBe("en");
    expect(pickLocale({ user: "xx", cookie: "nope", acceptLanguage: browser })).toBe("zh-CN");
    expect(pickLocale({ acceptLanguage: "fr" })).toBe("en");
    expect(pickLocale({})).toBe("en");
    expect(asLocale("zh-CN")).toBe("zh-CN");
    expect(asLocale("de")).toBe("en");
  });
});
