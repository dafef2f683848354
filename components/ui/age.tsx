import { useLocale } from "next-intl";
import { asLocale } from "@/lib/i18n/locales";
import { formatAge } from "./readings";

/**
 * How long ago an instant was ("4 min ago"), in the reader's language, with
 * the exact ISO-8601 UTC time in the tooltip. For "last seen" columns, where
 * recency matters more than the clock time; elsewhere the dashboard shows
 * UtcTime. Pages pass a translated `fallback`; the English default is for
 * pages not translated yet.
 */
export function Age({ iso, nowMs, fallback = "never" }: { iso: string | null; nowMs: number; fallback?: string }) {
  const locale = asLocale(useLocale());
  if (!iso) return <span className="text-slate-500">{fallback}</span>;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {formatAge(iso, nowMs, locale)}
    </time>
  );
}
