// The interface languages and how a request's language is chosen. Pure: the
// browser (the language switcher), the server and the tests all use it.

export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "en";

/** The cookie that remembers the language before sign-in (and for a user who never chose one). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language named in itself, as a switcher shows it: a reader must recognise their own language. */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The interface language for a BCP 47 tag, or null when there is none for it.
 * Every Chinese variant gets zh-CN, the only Chinese catalogue: Simplified
 * reads better to a Traditional reader than English does.
 */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (lower === "zh" || lower.startsWith("zh-")) return "zh-CN";
  if (lower === "en" || lower.startsWith("en-")) return "en";
  return null;
}

/** The best interface language an Accept-Language header asks for (by q-value, then order), or null. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.split(";").map((s) => s.trim());
      const q = params.find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.tag !== "" && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const r of ranked) {
    const locale = matchLocale(r.tag);
    if (locale) return locale;
  }
  return null;
}

/**
 * The language of a request: the signed-in user's choice, else the cookie's,
 * else what the browser asks for, else English.
 */
export function pickLocale(choice: {
  user?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(choice.user)) return choice.user;
  if (isLocale(choice.cookie)) return choice.cookie;
  return negotiateLocale(choice.acceptLanguage) ?? defaultLocale;
}

/** `value` as an interface language (what next-intl's useLocale/getLocale return is typed as a plain string). */
export function asLocale(value: string): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/**
 * The locale a page passes to lib/format while its words are still English
 * (i18n/untranslated-files.txt): its figures then read as its text does. When
 * the page is converted, it passes the reader's locale instead.
 */
export const untranslatedLocale: Locale = defaultLocale;
