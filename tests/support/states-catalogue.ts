import { createTranslator } from "use-intl/core";
import { expect } from "vitest";
import type { CodedText } from "../../lib/i18n/coded-text";
import type { Locale } from "../../lib/i18n/locales";
import { readMessages } from "../../lib/i18n/messages";

// Stored states are written twice, as English text (the API's) and as a code
// with values (the reader's language). Tests that produce them check here that
// the English catalogue message says exactly the English text, so the two
// cannot drift apart, and that Chinese renders with the same values.

export function renderState(locale: Locale, value: CodedText): string {
  const t = createTranslator({
    locale,
    messages: readMessages(locale),
    namespace: "states",
    timeZone: "UTC",
  }) as unknown as {
    markup(key: string, values: Record<string, string | number | ((chunks: string) => string)>): string;
    has(key: string): boolean;
  };
  expect(t.has(value.code), `states.${value.code} in ${locale}`).toBe(true);
  return t.markup(value.code, { ...value.params, stored: (chunks) => chunks });
}

/** The English catalogue says `text` word for word; the Chinese one says something else, with every value the English shows. */
export function expectStateSays(value: CodedText, text: string): void {
  expect(renderState("en", value)).toBe(text);
  const zh = renderState("zh-CN", value);
  expect(zh).not.toBe(text);
  for (const v of Object.values(value.params))
    if (text.includes(String(v)) && (typeof v === "number" || !/^[a-zA-Z_]+$/.test(v)))
      expect(zh, `${value.code} shows ${v}`).toContain(String(v));
}
