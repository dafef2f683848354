import { getLocale, getTranslations } from "next-intl/server";
import { MinuteSeriesChart } from "@/components/charts/minute-series-chart";
import { Card, StatCard } from "@/components/ui/card";
import { getCanaryReading } from "@/lib/deployments/canary";
import { deploymentDriftSeries } from "@/lib/deployments/drift-series";
import { getDeploymentMetrics } from "@/lib/deployments/metrics";
import type { DeploymentDetailOut } from "@/lib/deployments/outputs";
import { asLocale } from "@/lib/i18n/locales";
import { GpuEvents } from "../../../models/_components/gpu-events";
import { DriftBadge } from "../../_components/deployment-badges";
import {
  accuracyReading,
  coverageReading,
  energyReading,
  errorRateReading,
  formatCount,
  latencyReading,
  type FormatWords,
  type Reading,
} from "../../_components/deployment-format";
import { CanaryPanel } from "./canary-panel";
import { DriftChart } from "./drift-chart";
import { DriftTable } from "./drift-table";
import { trafficCharts } from "./traffic-series";
import { VersionsTable } from "./versions-table";
import { WindowPicker } from "./window-picker";

function ReadingLine({ reading, testId }: { reading: Reading; testId: string }) {
  return (
    <p
      className={reading.isKnown ? "text-lg font-semibold text-slate-50" : "text-sm text-amber-200"}
      data-testid={testId}
      data-stored-text={reading.isStored || undefined}
    >
      {reading.text}
    </p>
  );
}

/**
 * Everything measured over the window: traffic charts per version, the
 * versions side by side, drift beside the placement servers' GPU events,
 * live accuracy, energy per prediction and the canary's gates. One read of
 * the metrics service, the same the API answers with.
 */
export async function DeploymentFigures({
  deployment: d,
  windowMinutes,
  path,
  now,
}: {
  deployment: DeploymentDetailOut;
  windowMinutes: number;
  path: string;
  now: Date;
}) {
  const [m, drift, t, tFormat, tCharts, tRole, locale] = await Promise.all([
    getDeploymentMetrics(d.name, windowMinutes, now),
    deploymentDriftSeries(d.name, windowMinutes, now),
    getTranslations("deployments.figures"),
    getTranslations("deployments.format"),
    getTranslations("deployments.charts"),
    getTranslations("deployments.role"),
    getLocale().then(asLocale),
  ]);
  const words: FormatWords = { t: tFormat, locale };
  const reading = d.canary ? await getCanaryReading(d.name, now) : null;
  const charts = trafficCharts(m.versionSeries, windowMinutes, { t: tCharts, role: tRole, locale });
  const chart = (key: keyof typeof charts, unit: string, decimals: number) => (
    <MinuteSeriesChart
      {...charts[key]}
      from={m.from}
      to={m.to}
      unit={unit}
      decimals={decimals}
      emptyText={t("noRequests", { minutes: windowMinutes })}
      testId={`chart-${key}`}
    />
  );
  const hasGateHistory = d.events.some((e) => e.kind === "rolled_back" || e.kind === "canary_stepped");

  return (
    <>
      <Card
        title={t("trafficTitle")}
        description={t("trafficDescription")}
        actions={<WindowPicker path={path} current={windowMinutes} />}
      >
        <div className="mb-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
          <StatCard label={t("requests")} value={formatCount(m.requests, locale)} testId="stat-requests" />
          <StatCard
            label={t("errorRate")}
            value={errorRateReading(m.errorRate, words).isKnown ? errorRateReading(m.errorRate, words).text : "—"}
            hint={t(m.errorRate === null ? "errorsNoTraffic" : "errors", { count: m.errors })}
            testId="stat-error-rate"
          />
          {(["p50", "p95", "p99"] as const).map((q) => {
            const r = latencyReading(m.latencyMs[q], words);
            return (
              <StatCard
                key={q}
                label={t("latency", { quantile: q })}
                value={r.isKnown ? r.text : "—"}
                hint={r.isKnown ? undefined : r.text}
                testId={`stat-${q}`}
              />
            );
          })}
        </div>
        <div className="grid gap-4 xl:grid-cols-3">
          <div>
            <h3 className="mb-1 text-[12px] font-medium text-slate-300">{t("requestsPerMinute")}</h3>
            {chart("requests", t("unitRequests"), 0)}
          </div>
          <div>
            <h3 className="mb-1 text-[12px] font-medium text-slate-300">{t("errorsPerMinute")}</h3>
            {chart("errors", t("unitErrors"), 0)}
          </div>
          <div>
            <h3 className="mb-1 text-[12px] font-medium text-slate-300">{t("latencyPerMinute")}</h3>
            {chart("latency", "ms", 2)}
          </div>
        </div>
      </Card>
      <Card title={t("versionsTitle")} isFlush>
        <VersionsTable model={d.model} versions={m.versions} />
      </Card>
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <Card
          title={t("driftTitle")}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <DriftBadge drift={{ ...m.driftDetail, features: m.driftDetail.features.length }} />
              <span>
                {t("driftDescription", {
                  instances: formatCount(m.driftDetail.instances, locale),
                  version: d.stable.version,
                })}
              </span>
            </span>
          }
          className="xl:col-span-2"
          isFlush
        >
          <div className="border-b border-slate-800 p-3">
            <DriftChart series={drift} events={m.serverGpuEvents} from={m.from} to={m.to} />
          </div>
          <DriftTable drift={m.driftDetail} />
        </Card>
        <Card title={t("gpuTitle")} description={t("gpuDescription")}>
          <GpuEvents events={m.serverGpuEvents} whyNone={t("gpuNone")} tableLabel={t("gpuTable")} isCompact />
        </Card>
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <Card title={t("accuracyTitle")} description={t("accuracyDescription")}>
          <ReadingLine reading={accuracyReading(m.accuracy, m.requests, words)} testId="live-accuracy" />
          <p className="mt-1 text-[12px] text-slate-400" data-testid="label-coverage">
            {coverageReading(m.accuracy, words)}
            {m.accuracy.unmatched > 0 && t("unjoined", { count: m.accuracy.unmatched })}
          </p>
        </Card>
        <Card title={t("energyTitle")} description={t("energyDescription")}>
          <ReadingLine reading={energyReading(m.energyPer1kPredictions, words)} testId="energy-per-1k" />
          {m.energyPer1kPredictions.kwh !== null && (
            <p className="mt-1 text-[12px] text-slate-400" data-stored-text>
              {m.energyPer1kPredictions.basis}
            </p>
          )}
        </Card>
      </div>
      {(d.canary || hasGateHistory) && (
        <Card title={t("canaryTitle")} description={t("canaryDescription")}>
          <CanaryPanel deployment={d} reading={reading} />
        </Card>
      )}
    </>
  );
}
