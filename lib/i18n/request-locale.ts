import "server-only";
import { cookies, headers } from "next/headers";
import { getPagePrincipal } from "../auth/page-session";
import { logger } from "../observability/logger";
import { LOCALE_COOKIE, pickLocale, type Locale } from "./locales";
import { getUserLocale } from "./preference";

/**
 * The language of the page being rendered: the signed-in user's choice, else
 * the NEXT_LOCALE cookie, else Accept-Language, else English. A database
 * that cannot be read costs the user's choice, never the page.
 */
export async function resolveRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  let user: string | null = null;
  try {
    const principal = await getPagePrincipal();
    if (principal?.kind === "user") user = await getUserLocale(principal.id);
  } catch (err) {
    logger.warn({ err }, "the user's language could not be read; using the browser's");
  }
  return pickLocale({
    user,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}
