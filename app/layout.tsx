import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { THEME_COOKIE, themeAttribute } from "@/components/ui/theme";
import { mono, sans } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rackmind", template: "%s · Rackmind" },
  description: "The operations console for AI datacenters",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = themeAttribute((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={`${sans.variable} ${mono.variable}`} data-theme={theme}>
      <body className="font-sans">{children}</body>
    </html>
  );
}
