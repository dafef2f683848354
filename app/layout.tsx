import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { THEME_COOKIE, themeAttribute } from "@/components/ui/theme";
import { mono, sans } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: t("brand"), template: `%s · ${t("brand")}` }, description: t("description") };
}

// The provider hands the request's language and catalogue (i18n/request.ts) to client islands; the theme
// comes from its cookie, so the first paint is right with no script.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = themeAttribute((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} className={`${sans.variable} ${mono.variable}`} data-theme={theme}>
      <body className="font-sans">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
