import { useLocale, useTranslations } from "next-intl";
import { UtcTime } from "@/components/ui/utc-time";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import { asLocale } from "@/lib/i18n/locales";
import { formatDuration } from "./energy-format";

const SHOWN = 8;

/**
 * The spans meters said nothing about: between watts samples too far apart,
 * and since the last reading of a meter that is overdue. Energy is never
 * interpolated across them, so the totals above are short by whatever was
 * drawn then: the notice says so instead of letting a quiet hour pass for a
 * cheap one. (Register readings far apart are no gap: see CoarseReadings.)
 */
export function MeterGaps({
  gaps,
  maxGapMinutes,
  to,
}: {
  gaps: SummaryOut["gaps"];
  maxGapMinutes: number;
  to: string;
}) {
  const t = useTranslations("energy.gaps");
  const locale = asLocale(useLocale());
  if (gaps.length === 0) return null;
  const longestMs = gaps.reduce((ms, g) => Math.max(ms, Date.parse(g.to) - Date.parse(g.from)), 0);
  const meters = new Set(gaps.map((g) => g.meter)).size;
  return (
    <section
      role="status"
      aria-label={t("label")}
      data-testid="meter-gaps"
      className="mt-4 rounded-lg border border-amber-500/30 bg-amber-500/5 px-4 py-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="text-sm font-medium text-amber-100">
          {t("title", { count: gaps.length })}
          <span className="font-normal text-amber-200/70">
            {" "}
            · {t("detail", { meters, longest: formatDuration(longestMs, locale) })}
          </span>
        </h2>
        <p className="text-xs text-amber-200/70">{t("explain", { minutes: maxGapMinutes })}</p>
      </div>
      <ul className="mt-2 grid gap-x-6 gap-y-1 text-[12px] text-amber-50/90 md:grid-cols-2">
        {gaps.slice(0, SHOWN).map((g) => (
          <li
            key={`${g.meter}@${g.from}`}
            className="flex flex-wrap items-center gap-x-2"
            data-testid="meter-gap"
            data-meter={g.meter}
          >
            <span className="font-mono font-medium">{g.meter}</span>
            {g.to === to && <span className="text-amber-200/80">{t("noReadingSince")} </span>}
            <span className="text-amber-200/70">
              <UtcTime iso={g.from} /> → <UtcTime iso={g.to} />
            </span>
            <span className="text-amber-200/80">{formatDuration(Date.parse(g.to) - Date.parse(g.from), locale)}</span>
          </li>
        ))}
      </ul>
      {gaps.length > SHOWN && (
        <p className="mt-1 text-xs text-amber-200/70">{t("more", { count: gaps.length - SHOWN })}</p>
      )}
    </section>
  );
}
