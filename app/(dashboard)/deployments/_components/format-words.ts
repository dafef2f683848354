import { useLocale, useTranslations } from "next-intl";
import { asLocale } from "@/lib/i18n/locales";
import type { FormatWords } from "./deployment-format";

/** The reader's words for deployment-format, in a client island or a sync server component. */
export function useFormatWords(): FormatWords {
  return { t: useTranslations("deployments.format"), locale: asLocale(useLocale()) };
}
