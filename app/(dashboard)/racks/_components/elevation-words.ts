import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { asLocale } from "@/lib/i18n/locales";
import type { ElevationWords } from "./elevation-colourings";

// The elevation's words in the reader's language, for the page (async) and
// for the drawing and its slots (sync server components, which use hooks).

export async function getElevationWords(): Promise<ElevationWords> {
  const [t, status, health, locale] = await Promise.all([
    getTranslations("racks.elevation"),
    getTranslations("common.serverStatus"),
    getTranslations("common.health"),
    getLocale(),
  ]);
  return { t, status, health, locale: asLocale(locale) };
}

export function useElevationWords(): ElevationWords {
  return {
    t: useTranslations("racks.elevation"),
    status: useTranslations("common.serverStatus"),
    health: useTranslations("common.health"),
    locale: asLocale(useLocale()),
  };
}
