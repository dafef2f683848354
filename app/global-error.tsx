"use client";

import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { FailureDetails } from "@/components/ui/page-failure";
import { StandalonePage } from "@/components/ui/standalone-page";
import { LOCALE_COOKIE, pickLocale, type Locale } from "@/lib/i18n/locales";
import enErrors from "@/messages/en/errors.json";
import zhErrors from "@/messages/zh-CN/errors.json";
import { mono, sans } from "./fonts";
import "./globals.css";

// The root layout (and with it the request's catalogue) is gone here, so this
// boundary brings the one namespace it needs and picks the language in the
// browser: the cookie, else the browser's languages. The server's render says
// English; the browser's first render after hydration switches.
const catalogue: Record<Locale, { errors: typeof enErrors }> = {
  en: { errors: enErrors },
  "zh-CN": { errors: zhErrors },
};

function browserLocale(): Locale {
  const cookie = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return pickLocale({ cookie, acceptLanguage: navigator.languages.join(",") });
}

const subscribe = () => () => {};

/**
 * The last boundary: the root layout itself failed, so this replaces it and
 * brings its own document, styles, fonts and words (nothing of the layout applies).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, () => "en" as const);
  return (
    <html lang={locale} className={`${sans.variable} ${mono.variable}`}>
      <body className="font-sans">
        <NextIntlClientProvider locale={locale} messages={catalogue[locale]} timeZone="UTC">
          <GlobalErrorPanel error={error} retry={retry} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

function GlobalErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  return (
    <>
      <title>{t("globalDocumentTitle")}</title>
      <StandalonePage title={t("globalTitle")} subtitle={t("subtitle")}>
        <div role="alert" data-testid="page-error">
          <FailureDetails error={error} retry={retry} />
        </div>
      </StandalonePage>
    </>
  );
}
