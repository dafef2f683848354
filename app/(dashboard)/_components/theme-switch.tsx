"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { Icon } from "@/components/ui/icons";
import { THEME_COOKIE, type ThemeChoice } from "@/components/ui/theme";

const ONE_YEAR_S = 365 * 24 * 3600;
const options: { choice: ThemeChoice; icon: "system" | "sun" | "moon" }[] = [
  { choice: "system", icon: "system" },
  { choice: "light", icon: "sun" },
  { choice: "dark", icon: "moon" },
];

function readChoice(): ThemeChoice {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "system";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/**
 * Applies `choice` at once (the `data-theme` globals.css keys on) and remembers
 * it in the cookie the root layout reads, so the next page is served in it.
 */
function applyChoice(choice: ThemeChoice): void {
  if (choice === "system") {
    delete document.documentElement.dataset.theme;
    document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
  } else {
    document.documentElement.dataset.theme = choice;
    document.cookie = `${THEME_COOKIE}=${choice}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
  }
}

/** System, light or dark: three toggle buttons in the top bar. */
export function ThemeSwitch() {
  // Nothing pressed while server-rendering (the cookie is read by the layout, not here); the choice shows once hydrated.
  const current = useSyncExternalStore(subscribe, readChoice, () => null);
  const t = useTranslations("shell.theme");
  return (
    <div role="group" aria-label={t("group")} className="flex shrink-0 rounded-md ring-1 ring-inset ring-slate-800">
      {options.map((o) => (
        <button
          key={o.choice}
          type="button"
          aria-pressed={current === o.choice}
          title={t(o.choice)}
          onClick={() => applyChoice(o.choice)}
          className={`grid size-6 place-items-center rounded-md transition-colors ${
            current === o.choice ? "bg-slate-800 text-slate-100" : "text-slate-400 hover:text-slate-100"
          }`}
        >
          <Icon name={o.icon} className="size-3.5" />
          <span className="sr-only">{t(o.choice)}</span>
        </button>
      ))}
    </div>
  );
}
