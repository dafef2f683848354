import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { hrefWith } from "@/components/ui/pager";
import { formatInterval } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";

export const WINDOWS = [15, 60, 360, 1440] as const;

/** The window the figures are over, as links (the page reads `?window=`). */
export function WindowPicker({ path, current }: { path: string; current: number }) {
  const t = useTranslations("deployments.window");
  const locale = asLocale(useLocale());
  return (
    <nav aria-label={t("label")} className="flex gap-1 text-[12px]">
      {WINDOWS.map((m) => (
        <Link
          key={m}
          href={hrefWith(path, { window: m === 60 ? undefined : String(m) })}
          aria-current={m === current ? "true" : undefined}
          className={`rounded px-2 py-0.5 ring-1 ring-inset ${m === current ? "bg-emerald-500/10 text-emerald-200 ring-emerald-500/30" : "text-slate-400 ring-slate-700 hover:text-slate-100"}`}
        >
          {formatInterval(m * 60, locale)}
        </Link>
      ))}
    </nav>
  );
}
