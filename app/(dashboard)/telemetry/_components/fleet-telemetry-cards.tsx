import { useLocale, useTranslations } from "next-intl";
import { StatCard } from "@/components/ui/card";
import { formatKilowatts, formatPct, formatTempC } from "@/components/ui/readings";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { FleetTelemetry } from "@/lib/telemetry/views/fleet-heat";

/** The fleet's telemetry in four numbers: who reports, how busy, how hot, how much power. */
export function FleetTelemetryCards({ telemetry }: { telemetry: FleetTelemetry }) {
  const t = useTranslations("telemetry.cards");
  const locale = asLocale(useLocale());
  const { fleet, windowMinutes } = telemetry;
  const silent = fleet.gpus - fleet.gpusReporting;
  const hottest = telemetry.hottest[0];
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label={t("reporting")}
        value={`${formatNumber(fleet.gpusReporting, locale)} / ${formatNumber(fleet.gpus, locale)}`}
        hint={t("reportingHint", { minutes: windowMinutes })}
        parts={[
          { label: t("partReporting"), value: fleet.gpusReporting, tone: "good" },
          { label: t("partSilent"), value: silent, tone: "neutral" },
        ]}
        testId="stat-reporting"
      />
      <StatCard
        label={t("util")}
        value={fleet.avgUtilPct === null ? "—" : formatPct(fleet.avgUtilPct, locale)}
        hint={t("utilHint")}
        testId="stat-util"
      />
      <StatCard
        label={t("hottest")}
        value={fleet.maxTempC === null ? "—" : formatTempC(fleet.maxTempC, locale)}
        hint={hottest ? `${hottest.hostname} #${hottest.index}` : t("noTemperature")}
        testId="stat-hottest"
      />
      <StatCard
        label={t("power")}
        value={fleet.totalPowerW === null ? "—" : formatKilowatts(fleet.totalPowerW, locale)}
        hint={t("powerHint")}
        testId="stat-power"
      />
    </div>
  );
}
