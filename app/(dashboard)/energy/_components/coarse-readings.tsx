import { useLocale, useTranslations } from "next-intl";
import { UtcTime } from "@/components/ui/utc-time";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import { formatDuration, formatKwh, formatReadingInterval } from "./energy-format";

const SHOWN = 8;
type Coarse = SummaryOut["coarse"][number];
type Reset = SummaryOut["resets"][number];

function CoarseItem({
  c,
  fromMs,
  toMs,
  readEveryMinutes,
}: {
  c: Coarse;
  fromMs: number;
  toMs: number;
  readEveryMinutes: number | null;
}) {
  const t = useTranslations("energy.coarse");
  const tInterval = useTranslations("energy.interval");
  const locale = asLocale(useLocale());
  const meter = () => <span className="font-mono font-medium text-sky-50">{c.meter}</span>;
  const cadence =
    readEveryMinutes === null
      ? ""
      : t("cadence", { interval: formatReadingInterval(readEveryMinutes, tInterval, locale) });
  const longest = formatDuration(c.intervalMinutes * 60_000, locale);
  const interval = () => (
    <>
      <UtcTime iso={c.from} /> → <UtcTime iso={c.to} />
    </>
  );
  if (c.cut) {
    const countedMs = Math.min(toMs, Date.parse(c.to)) - Math.max(fromMs, Date.parse(c.from));
    return (
      <li data-testid="meter-coarse-item" data-meter={c.meter} data-cut={c.cut}>
        {t.rich("cutItem", {
          meter,
          interval,
          cadence,
          edge: t(`edge.${c.cut}`),
          counted: formatDuration(countedMs, locale),
          length: formatDuration(Date.parse(c.to) - Date.parse(c.from), locale),
          kwhIn: formatKwh(c.kwhInPeriod, locale),
          kwh: formatKwh(c.kwh, locale),
        })}
      </li>
    );
  }
  const values = { meter, interval, cadence, longest, kwh: formatKwh(c.kwh, locale) };
  return (
    <li data-testid="meter-coarse-item" data-meter={c.meter}>
      {c.intervals === 1
        ? t.rich("wholeItemOne", values)
        : t.rich("wholeItemMany", { ...values, count: formatNumber(c.intervals, locale) })}
    </li>
  );
}

function ResetItem({ r }: { r: Reset }) {
  const t = useTranslations("energy.coarse");
  const locale = asLocale(useLocale());
  return (
    <li data-testid="meter-reset" data-meter={r.meter}>
      {t.rich("reset", {
        meter: () => <span className="font-mono font-medium text-amber-100">{r.meter}</span>,
        from: () => <UtcTime iso={r.from} />,
        to: () => <UtcTime iso={r.to} />,
        kwh: formatKwh(r.kwh, locale),
      })}
    </li>
  );
}

/**
 * How meter readings that are not plain quarter-hour differences were
 * counted: registers read hourly or daily (their energy counts in full, spread
 * evenly where it must be split, which the period's edges may do) and
 * registers that were reset. Silent when every meter is read finely.
 */
export function CoarseReadings({
  summary,
  maxGapMinutes,
  fromMs,
  toMs,
}: {
  summary: SummaryOut;
  maxGapMinutes: number;
  fromMs: number;
  toMs: number;
}) {
  const t = useTranslations("energy.coarse");
  const { coarse, resets } = summary;
  if (coarse.length === 0 && resets.length === 0) return null;
  const readEvery = new Map(summary.meters.map((m) => [m.meter, m.intervalMinutes]));
  const cut = coarse.filter((c) => c.cut);
  // The cut intervals first: they are the ones that make the period's totals an estimate.
  const shown = [...cut, ...coarse.filter((c) => !c.cut)].slice(0, SHOWN);
  return (
    <section
      aria-label={t("label")}
      data-testid="meter-coarse"
      className="mt-4 rounded-lg border border-sky-500/30 bg-sky-500/5 px-4 py-3 text-[12px] text-sky-100/90"
    >
      {coarse.length > 0 && (
        <>
          <h2 className="text-sm font-medium text-sky-100">
            {cut.length > 0 ? t("cutTitle", { count: cut.length }) : t("coarseTitle", { minutes: maxGapMinutes })}
          </h2>
          <p className="mt-0.5 text-xs text-sky-200/70">{cut.length > 0 ? t("introCut") : t("introExact")}</p>
          <ul className="mt-2 space-y-1">
            {shown.map((c) => (
              <CoarseItem
                key={`${c.meter}@${c.from}`}
                c={c}
                fromMs={fromMs}
                toMs={toMs}
                readEveryMinutes={readEvery.get(c.meter) ?? null}
              />
            ))}
          </ul>
          {coarse.length > SHOWN && (
            <p className="mt-1 text-xs text-sky-200/70">{t("more", { count: coarse.length - SHOWN })}</p>
          )}
        </>
      )}
      {resets.length > 0 && (
        <div className={coarse.length > 0 ? "mt-2 border-t border-sky-500/20 pt-2" : ""}>
          <h2 className="text-sm font-medium text-sky-100">{t("resetsTitle", { count: resets.length })}</h2>
          <ul className="mt-1 space-y-1">
            {resets.slice(0, SHOWN).map((r) => (
              <ResetItem key={`${r.meter}@${r.from}`} r={r} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
