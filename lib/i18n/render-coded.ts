import "server-only";
// use-intl's core (next-intl's own engine), not "next-intl": the worker runs
// under the react-server condition outside Next, where "next-intl" resolves to
// its React client build.
import { createTranslator } from "use-intl/core";
import type { CodedText } from "./coded-text";
import type { Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * A coded text in `locale` outside React (a webhook's summary, a test): the
 * catalogue's message with its values, or `fallback` (the stored English)
 * when there is no code or no such message.
 */
export function renderCoded(locale: Locale, value: CodedText | null | undefined, fallback: string): string {
  if (!value) return fallback;
  // Keys are data here (stored codes), so the translator is used untyped.
  const t = createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace: "states",
    timeZone: "UTC",
  }) as unknown as {
    markup(key: string, values: Record<string, string | number | ((chunks: string) => string)>): string;
    has(key: string): boolean;
  };
  return t.has(value.code) ? t.markup(value.code, { ...value.params, stored: (chunks) => chunks }) : fallback;
}
