"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * Re-renders the server page every `seconds` (router.refresh: new figures,
 * same client state, no reload), so charts move as traffic arrives. Paused
 * while the tab is hidden, and by the reader when they want the page to hold
 * still.
 */
export function LiveRefresh({ seconds, renderedAt }: { seconds: number; renderedAt: string }) {
  const router = useRouter();
  const t = useTranslations("shell.refresh");
  const [isPaused, setIsPaused] = useState(false);
  useEffect(() => {
    if (isPaused) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [isPaused, seconds, router]);
  return (
    <p className="flex items-center gap-2 text-[11px] text-slate-500" data-testid="live-refresh">
      <span aria-live="off">
        {isPaused ? t("paused") : t("every", { seconds })} ·{" "}
        {t.rich("figuresOf", {
          time: renderedAt.slice(11, 19),
          clock: (chunks) => (
            <time dateTime={renderedAt} className="font-mono">
              {chunks}
            </time>
          ),
        })}
      </span>
      <button
        type="button"
        onClick={() => setIsPaused(!isPaused)}
        className="rounded px-1.5 py-0.5 text-slate-300 ring-1 ring-inset ring-slate-700 hover:bg-slate-800"
      >
        {isPaused ? t("resume") : t("pause")}
      </button>
    </p>
  );
}
