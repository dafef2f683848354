"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiErrorMessage } from "@/components/forms/form-wording";
import { requestApi } from "@/components/ui/api-request";
import { Icon } from "@/components/ui/icons";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

export function SignOutButton() {
  const t = useTranslations("shell");
  const errorMessage = useApiErrorMessage();
  const isHydrated = useIsHydrated();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setIsPending(true);
    setError(null);
    const result = await requestApi("POST", "/api/v1/auth/logout");
    if (!result.ok) {
      setError(errorMessage(result));
      setIsPending(false);
      return;
    }
    // replace, not push: Back must not return to a page of the ended session. A
    // full load, so the root layout drops the user's language for the browser's.
    window.location.replace("/login");
  }

  return (
    <div>
      <button
        type="button"
        onClick={signOut}
        disabled={isPending || !isHydrated}
        className="flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-[13px] font-medium text-slate-400 transition-colors hover:bg-slate-800/60 hover:text-slate-100 disabled:opacity-60"
      >
        <Icon name="signOut" className="size-4 text-slate-500" />
        {isPending ? t("signingOut") : t("signOut")}
      </button>
      {error && (
        <p role="alert" className="px-2.5 pt-1 text-xs text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
