"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { LOCALE_COOKIE, localeNames, locales, type Locale } from "@/lib/i18n/locales";
import { requestApi } from "./api-request";
import { useIsHydrated } from "./use-is-hydrated";

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The interface language, switchable from every page. The choice is kept in
 * the NEXT_LOCALE cookie (the sign-in page and this browser) and, for a
 * signed-in user, on the user (PATCH /api/v1/me), so it follows them to any
 * browser. Each language is named in itself.
 */
export function LocaleSwitcher({ isSignedIn }: { isSignedIn: boolean }) {
  const locale = useLocale();
  const t = useTranslations("shell.language");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const isHydrated = useIsHydrated();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function choose(next: Locale) {
    if (next === locale) return;
    setError(null);
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
    if (isSignedIn) {
      const result = await requestApi("PATCH", "/api/v1/me", { body: { locale: next } });
      if (!result.ok) return setError(errorMessage(result));
    }
    // Server components render the words: fetch them again in the new language.
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex shrink-0 items-center gap-2 text-xs" data-testid="locale-switcher">
      <div role="radiogroup" aria-label={t("label")} className="flex gap-1" aria-busy={isPending || undefined}>
        {locales.map((l) => (
          <button
            key={l}
            type="button"
            role="radio"
            lang={l}
            aria-checked={l === locale}
            disabled={isPending || !isHydrated}
            onClick={() => void choose(l)}
            className={`rounded px-2 py-0.5 ring-1 ring-inset ${
              l === locale ? "bg-emerald-500/15 text-emerald-200 ring-emerald-500/40" : "text-slate-300 ring-slate-700"
            }`}
          >
            {localeNames[l]}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="text-rose-300">
          {t("failed", { reason: error })}
        </p>
      )}
    </div>
  );
}
