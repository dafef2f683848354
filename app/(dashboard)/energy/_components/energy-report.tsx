import Link from "next/link";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { pueAboveTarget, racksOverCap } from "@/lib/energy/reports/alert-rules";
import { getEnergyBreakdown } from "@/lib/energy/reports/breakdown";
import { listMeters } from "@/lib/energy/meters/meters";
import { getSitePricing } from "@/lib/energy/pricing/page-pricing";
import { getEnergyTrend } from "@/lib/energy/reports/page-trend";
import { listRackPower } from "@/lib/energy/reports/rack-power";
import { getEnergySummary } from "@/lib/energy/reports/summary";
import { asLocale } from "@/lib/i18n/locales";
import { EnergyFindings } from "./energy-findings";
import { formatDuration } from "./energy-format";
import type { EnergyView } from "./energy-query";
import { EnergyStatCards } from "./energy-stat-cards";
import { EnergyTrendCard } from "./energy-trend-card";
import { CoarseReadings } from "./coarse-readings";
import { MeterGaps } from "./meter-gaps";
import { MetersTable } from "./meters-table";
import { RackPowerTable, TOP_RACKS } from "./rack-power-table";
import { ReadingsHowTo } from "./readings-how-to";
import { TariffCard } from "./tariff-card";

// Rack power counts GPU readings up to this old, as GET /api/v1/energy/racks does by default.
const RACK_POWER_MAX_AGE_MINUTES = 15;

const utcMinute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")}`;

async function loadReport(view: EnergyView, now: Date) {
  const from = new Date(view.fromMs).toISOString();
  const to = new Date(view.toMs).toISOString();
  const [summary, trend, racks, meters, breakdown, pricing] = await Promise.all([
    getEnergySummary({ site: view.site, from, to, maxGapMinutes: view.maxGapMinutes, format: "json" }, now),
    getEnergyTrend({ site: view.site, fromMs: view.fromMs, toMs: view.toMs, maxGapMinutes: view.maxGapMinutes }, now),
    listRackPower({ site: view.site, maxAgeMinutes: RACK_POWER_MAX_AGE_MINUTES }, now),
    listMeters({ site: view.site }),
    getEnergyBreakdown({ site: view.site, from, to, by: "rack" }, now),
    getSitePricing(view.site, view.fromMs, view.toMs),
  ]);
  // The same rules as GET /api/v1/energy/alerts, applied to this site and, for PUE, to this period.
  const findings = [
    ...racksOverCap(racks, view.rackCapPct),
    ...pueAboveTarget(view.site, summary.pue, view.pueTarget, view.fromMs, view.toMs),
  ];
  return {
    summary,
    trend,
    racks,
    meters,
    kwhByRack: new Map(breakdown.items.map((i) => [i.name, i.kwh])),
    pricing,
    findings,
  };
}

/**
 * Everything the Energy page shows for one site and period. Rendered inside
 * a Suspense boundary: the header and period picker show while it loads.
 */
export async function EnergyReport({
  view,
  origin,
  canWrite,
  role,
}: {
  view: EnergyView;
  origin: string;
  canWrite: boolean;
  role: string;
}) {
  const now = new Date();
  const [{ summary, trend, racks, meters, kwhByRack, pricing, findings }, t, locale] = await Promise.all([
    loadReport(view, now),
    getTranslations("energy.report"),
    getLocale().then(asLocale),
  ]);
  const hasMeterEnergy = summary.meters.length > 0;
  const reporting = racks.reduce((n, r) => n + r.gpusReporting, 0);
  return (
    <div data-testid="energy-report" data-site={view.site} data-from={summary.from} data-to={summary.to}>
      <p className="mb-3 text-xs text-slate-400" data-testid="energy-period">
        <span className="font-mono text-slate-300">
          {utcMinute(view.fromMs)} → {utcMinute(view.toMs)} UTC
        </span>{" "}
        · {formatDuration(view.toMs - view.fromMs, locale)} ·{" "}
        {t("keepsTime", { site: view.site, timezone: pricing.timezone })}
      </p>
      <EnergyStatCards summary={summary} pricing={pricing} pueTarget={view.pueTarget} />
      <MeterGaps gaps={summary.gaps} maxGapMinutes={view.maxGapMinutes} to={summary.to} />
      <CoarseReadings summary={summary} maxGapMinutes={view.maxGapMinutes} fromMs={view.fromMs} toMs={view.toMs} />
      {!hasMeterEnergy && (
        <Card title={t("connectMeters")} className="mt-4">
          <ReadingsHowTo origin={origin} site={view.site} hasGpuEnergy={summary.gpuKwh > 0} />
        </Card>
      )}
      <div className="mt-4 grid items-start gap-4 xl:grid-cols-5">
        <EnergyTrendCard trend={trend} pueTarget={view.pueTarget} className="xl:col-span-3" />
        <div className="grid gap-4 xl:col-span-2">
          <Card title={t("alertsTitle")} description={t("alertsDescription")} isFlush>
            <EnergyFindings findings={findings} view={view} pue={summary.pue} />
          </Card>
          {meters.length > 0 && (
            <Card
              title={t("metersTitle")}
              description={t("metersDescription", { count: meters.length, site: view.site })}
              isFlush
            >
              <MetersTable meters={meters} inPeriod={summary.meters} nowMs={now.getTime()} />
            </Card>
          )}
        </div>
      </div>
      <Card
        title={t("racksTitle")}
        description={
          reporting === 0 ? (
            <>
              {t("racksSilent", { site: view.site, minutes: RACK_POWER_MAX_AGE_MINUTES })}{" "}
              <Link href="/telemetry" className="text-emerald-300 hover:underline">
                {t("setUpTelemetry")}
              </Link>
            </>
          ) : racks.length > TOP_RACKS ? (
            t("racksDescriptionTop", { minutes: RACK_POWER_MAX_AGE_MINUTES, top: TOP_RACKS, count: racks.length })
          ) : (
            t("racksDescription", { minutes: RACK_POWER_MAX_AGE_MINUTES })
          )
        }
        isFlush
        className="mt-4"
      >
        <RackPowerTable racks={racks} kwhByRack={kwhByRack} thresholdPct={view.rackCapPct} />
      </Card>
      <div className="mt-4">
        <TariffCard pricing={pricing} canWrite={canWrite} role={role} />
      </div>
    </div>
  );
}

/** The report's shape while it loads, so the page does not jump when it arrives. */
export function EnergyReportSkeleton() {
  const t = useTranslations("energy.report");
  return (
    <div aria-busy="true" aria-label={t("loading")}>
      <div className="mb-3 h-4 w-96 animate-pulse rounded bg-slate-800/50" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-[106px] animate-pulse rounded-lg border border-slate-800 bg-slate-900/50" />
        ))}
      </div>
      <div className="mt-4 grid gap-4 xl:grid-cols-5">
        <div className="h-[340px] animate-pulse rounded-lg border border-slate-800 bg-slate-900/50 xl:col-span-3" />
        <div className="h-[340px] animate-pulse rounded-lg border border-slate-800 bg-slate-900/50 xl:col-span-2" />
      </div>
    </div>
  );
}
