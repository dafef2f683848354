import { useTranslations } from "next-intl";
import type { CodedText } from "@/lib/i18n/coded-text";

/**
 * A stored state in the reader's language: its code from the "states"
 * catalogue with its values; the stored English text when there is no code
 * (a row from before codes) or this version has no message for it, marked as
 * stored prose. Works in server components and client islands alike.
 */
export function CodedTextView({ value, fallback }: { value: CodedText | null | undefined; fallback: string | null }) {
  const t = useTranslations("states");
  // <stored>…</stored> in a message wraps a value that is itself stored prose (a job's error, a comment).
  if (value && t.has(value.code))
    return <>{t.rich(value.code, { ...value.params, stored: (chunks) => <span data-stored-text>{chunks}</span> })}</>;
  return fallback ? <span data-stored-text>{fallback}</span> : null;
}

/**
 * A coded text as a plain string, for attributes (a tooltip): the message in
 * the reader's language with <stored> parts as they are, or the stored English;
 * `isStored` says which, for marking the element.
 */
export function useCodedString(): (
  value: CodedText | null | undefined,
  fallback: string,
) => { text: string; isStored: boolean } {
  const t = useTranslations("states");
  return (value, fallback) =>
    value && t.has(value.code)
      ? { text: t.markup(value.code, { ...value.params, stored: (chunks) => chunks }), isStored: false }
      : { text: fallback, isStored: true };
}
