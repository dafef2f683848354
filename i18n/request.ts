import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/messages";
import { resolveRequestLocale } from "@/lib/i18n/request-locale";

// next-intl's per-request configuration (found by the plugin in next.config.js).
// No locale in the URL: the paths operators script against stay as they are,
// and every dashboard page is rendered per request anyway (next-intl#663's
// static-rendering caveat does not bite).
export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  // Every instant on screen is UTC, as the API's are.
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});
