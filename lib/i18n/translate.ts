/**
 * A translator bound to one namespace, as next-intl's `useTranslations` and
 * `getTranslations` return it, for helpers that build sentences from it.
 */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
