import { useLocale, useTranslations } from "next-intl";
import { EnergyTrendChart, type EnergyTrendStep } from "@/components/charts/energy-trend-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EnergyTrend, EnergyTrendPoint } from "@/lib/energy/reports/page-trend";
import { formatMonthDay } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";

const HOUR_MS = 3_600_000;

const hhmm = (iso: string) => iso.slice(11, 16);

/**
 * Tick labels on round times: every third UTC hour within a day and a half
 * (midnight by its date), only midnights over longer spans; about a dozen
 * labels for daily steps.
 */
function tickOf(p: EnergyTrendPoint, i: number, trend: EnergyTrend, locale: Locale): string | null {
  if (trend.step === "day")
    return i % Math.max(1, Math.ceil(trend.points.length / 12)) === 0 ? formatMonthDay(p.date, locale) : null;
  const hourStart = new Date(Math.floor(Date.parse(p.from) / HOUR_MS) * HOUR_MS).toISOString();
  const hour = Number(hourStart.slice(11, 13));
  const isLong = Date.parse(trend.to) - Date.parse(trend.from) > 36 * HOUR_MS;
  if (hour === 0) return formatMonthDay(hourStart.slice(0, 10), locale);
  return !isLong && hour % 3 === 0 ? hhmm(hourStart) : null;
}

function titleOf(p: EnergyTrendPoint, trend: EnergyTrend): string {
  if (trend.step === "day") return `${p.date} (${trend.timezone})`;
  return `${p.from.slice(0, 10)} ${hhmm(p.from)}–${hhmm(p.to)} UTC`;
}

function toChartSteps(trend: EnergyTrend, locale: Locale): EnergyTrendStep[] {
  return trend.points.map((p, i) => ({
    tick: tickOf(p, i, trend, locale),
    title: titleOf(p, trend),
    facilityKwh: p.facilityKwh,
    itKwh: p.itKwh,
    gpuKwh: p.gpuKwh,
    pue: p.pue,
  }));
}

/** Energy and PUE per hour or per day over the period (the chart island gets plain numbers). */
export function EnergyTrendCard({
  trend,
  pueTarget,
  className = "",
}: {
  trend: EnergyTrend;
  pueTarget: number;
  className?: string;
}) {
  const t = useTranslations("energy.trend");
  const locale = asLocale(useLocale());
  const description =
    trend.step === "hour" ? t("perHour") : t("perDay", { site: trend.site, timezone: trend.timezone });
  return (
    <Card
      title={t(`title.${trend.step}`)}
      description={description}
      className={className}
      actions={
        <span data-testid="energy-trend-step" data-step={trend.step} className="shrink-0 whitespace-nowrap">
          <Badge tone="accent">{t(`steps.${trend.step}`, { count: trend.points.length })}</Badge>
        </span>
      }
    >
      <EnergyTrendChart
        steps={toChartSteps(trend, locale)}
        stepName={trend.step}
        pueTarget={pueTarget}
        height={300}
        emptyText={t("empty", { site: trend.site })}
        testId="energy-trend-chart"
      />
    </Card>
  );
}
