import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { GpuHeatmap } from "@/components/charts/gpu-heatmap";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodedTextView } from "@/components/ui/coded-text";
import { UtcTime } from "@/components/ui/utc-time";
import type { ReactNode } from "react";
import { firingSummary } from "@/lib/alerts/alerts";
import { db } from "@/lib/db";
import { listDeployments } from "@/lib/deployments/deployments";
import { getDeploymentMetrics } from "@/lib/deployments/metrics";
import { getEnergyTrend } from "@/lib/energy/reports/page-trend";
import { getEnergySummary } from "@/lib/energy/reports/summary";
import { SummaryQuery } from "@/lib/energy/schemas";
import { getFaultsOverview } from "@/lib/faults/node-faults";
import { listSiteNames } from "@/lib/inventory/site-overview";
import { getJobQueueSummary } from "@/lib/jobs/queue-summary";
import { getFleetHeatmap } from "@/lib/telemetry/views/gpu-heatmap";
import { formatFixed, formatMs, formatShare } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import { EnergyTrendCard } from "../../energy/_components/energy-trend-card";

// The overview's production panels, each an async server component the page
// streams in its own Suspense boundary: a slow panel never holds up the rest.

export async function FiringAlertsPanel() {
  const [alerts, faults, t, tc] = await Promise.all([
    firingSummary(),
    getFaultsOverview(),
    getTranslations("overview.alerts"),
    getTranslations("common"),
  ]);
  return (
    <Card
      title={
        <Link href="/alerts" className="hover:underline">
          {t("title")}
        </Link>
      }
      description={alerts.firing ? t("firing", { count: alerts.firing }) : t("nothingFiring")}
    >
      <div data-testid="panel-alerts" className="space-y-2 text-[13px]">
        {alerts.top.length === 0 && <p className="text-slate-400">{t("noAlert")}</p>}
        <ul className="space-y-1">
          {alerts.top.map((a) => (
            <li key={a.id} className="flex items-start gap-2">
              <Badge tone={a.labels.severity === "critical" ? "bad" : "warn"}>
                {tc.has(`severity.${a.labels.severity}`) ? tc(`severity.${a.labels.severity}`) : a.labels.severity}
              </Badge>
              <Link href={a.annotations.link || "/alerts"} className="text-slate-200 hover:underline">
                <CodedTextView value={a.summaryCode} fallback={a.annotations.summary} />
              </Link>
            </li>
          ))}
        </ul>
        <div className="border-t border-slate-800 pt-2" data-testid="panel-faults">
          <p className="text-xs font-medium uppercase tracking-wider text-slate-400">{t("nodesOut")}</p>
          {faults.nodes.length === 0 ? (
            <p className="text-slate-400">{t("allInService")}</p>
          ) : (
            <ul className="space-y-0.5">
              {faults.nodes.map((n) => (
                <li key={n.hostname}>
                  <Link
                    href={`/servers/${n.hostname}`}
                    className="font-mono text-[12px] text-emerald-300 hover:underline"
                  >
                    {n.hostname}
                  </Link>{" "}
                  <Badge tone="warn">{n.state ? tc(`faultState.${n.state}`) : tc("faultState.inService")}</Badge>{" "}
                  <span className="text-slate-400" data-stored-text>
                    {n.reason}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {faults.breaker.open && (
            <p className="mt-1 text-amber-300">
              {t("breakerOpen", {
                count: faults.breaker.quarantinedInWindow,
                minutes: faults.breaker.windowMinutes,
                max: faults.breaker.maxNodes,
              })}
            </p>
          )}
        </div>
      </div>
    </Card>
  );
}

export async function JobQueuePanel() {
  const [q, t] = await Promise.all([getJobQueueSummary(), getTranslations("overview.jobs")]);
  const strong = (chunks: ReactNode) => <strong className="text-slate-50">{chunks}</strong>;
  return (
    <Card
      title={
        <Link href="/jobs" className="hover:underline">
          {t("title")}
        </Link>
      }
      description={t("description")}
    >
      <div data-testid="panel-jobs" className="space-y-2 text-[13px]">
        <p className="flex flex-wrap gap-3">
          <span>{t.rich("running", { count: q.running, strong })}</span>
          <span>{t.rich("waiting", { count: q.queued, strong })}</span>
          <Link href="/jobs?status=failed" className={q.failedToday ? "text-rose-300" : "text-slate-400"}>
            {t("failedToday", { count: q.failedToday })}
          </Link>
          <span className={q.badVerdictToday ? "text-amber-300" : "text-slate-400"}>
            {t("badVerdictToday", { count: q.badVerdictToday })}
          </span>
        </p>
        {q.waiting.length > 0 && (
          <ul className="space-y-0.5 text-xs text-slate-300">
            {q.waiting.map((j) => (
              <li key={j.id}>
                <Link href={`/jobs/${j.id}`} className="font-mono text-emerald-300 hover:underline">
                  {j.id.slice(0, 8)}
                </Link>{" "}
                {t("waitingJob", { team: j.team, gpus: j.gpus })}{" "}
                {j.reason ? <CodedTextView value={j.reasonCode} fallback={j.reason} /> : t("notScheduledYet")}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export async function DeploymentsPanel() {
  const deployments = (await listDeployments()).filter((d) => d.status === "active");
  const [metrics, t, locale] = await Promise.all([
    Promise.all(deployments.slice(0, 8).map((d) => getDeploymentMetrics(d.name, 60))),
    getTranslations("overview.deployments"),
    getLocale().then(asLocale),
  ]);
  const pct = (x: number | null) => (x === null ? "—" : formatShare(x, locale));
  return (
    <Card
      title={
        <Link href="/deployments" className="hover:underline">
          {t("title")}
        </Link>
      }
      description={t("description")}
    >
      <div data-testid="panel-deployments" className="text-[13px]">
        {metrics.length === 0 ? (
          <p className="text-slate-400">{t("empty")}</p>
        ) : (
          <ul className="space-y-1">
            {metrics.map((m) => (
              <li key={m.deployment} className="flex flex-wrap gap-x-3">
                <Link
                  href={`/deployments/${m.deployment}`}
                  className="font-mono text-[12px] text-emerald-300 hover:underline"
                >
                  {m.deployment}
                </Link>
                {m.requests === 0 ? (
                  <span className="text-slate-400">{t("noRequests")}</span>
                ) : (
                  <>
                    <span>
                      {t("p95", { latency: m.latencyMs.p95 === null ? "—" : formatMs(m.latencyMs.p95, locale) })}
                    </span>
                    <span>{t("errors", { rate: pct(m.errorRate) })}</span>
                    <span>
                      {m.driftDetail.unknown
                        ? t("driftUnknown")
                        : m.driftDetail.isDrifting
                          ? t("drifting", { count: m.driftDetail.driftingFeatures })
                          : t("noDrift")}
                    </span>
                    <span>
                      {t("accuracy", {
                        accuracy: m.accuracy.accuracy === null ? t("noLabels") : pct(m.accuracy.accuracy),
                      })}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export async function EnergyTodayPanel() {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
  const sites = await listSiteNames();
  const [summaries, t, te, locale] = await Promise.all([
    Promise.all(sites.map((site) => getEnergySummary(SummaryQuery.parse({ site, from }), now))),
    getTranslations("overview.energyToday"),
    getTranslations("energy"),
    getLocale().then(asLocale),
  ]);
  return (
    <Card
      title={
        <Link href="/energy" className="hover:underline">
          {t("title")}
        </Link>
      }
      description={t.rich("description", { since: () => <UtcTime iso={from} /> })}
    >
      <ul data-testid="panel-energy" className="space-y-1 text-[13px]">
        {summaries.length === 0 && <li className="text-slate-400">{t("noSite")}</li>}
        {summaries.map((s) => {
          // The energy the cost is of: facility meters, else IT meters, else the GPUs' own power telemetry.
          const kwh = { facility: s.facilityKwh, it: s.itKwh, gpu: s.gpuKwh }[s.costBasis];
          return (
            <li key={s.site} className="flex flex-wrap gap-x-3">
              <span className="font-medium text-slate-100">{s.site}</span>
              <span>{t("kwh", { kwh: formatFixed(kwh, 1, locale), basis: t(`basis.${s.costBasis}`) })}</span>
              <span>
                {s.cost === null
                  ? t("costUnknown")
                  : t("cost", { cost: formatFixed(s.cost, 2, locale), currency: s.currency })}
              </span>
              <span>{s.co2eKg === null ? t("co2eUnknown") : t("co2e", { kg: formatFixed(s.co2eKg, 1, locale) })}</span>
              <span className="text-slate-400">
                {s.pue === null
                  ? t("pueUnknown", { why: te(`pueUnknown.${s.pueUnknownReason ?? "no_facility_meter"}`) })
                  : t("pue", { pue: formatFixed(s.pue, 2, locale) })}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export async function HeatmapPanel() {
  const [heat, t] = await Promise.all([getFleetHeatmap(), getTranslations("overview.heatmap")]);
  return (
    <Card
      title={
        <Link href="/telemetry" className="hover:underline">
          {t("title")}
        </Link>
      }
      description={t("description", { reporting: heat.reporting, gpus: heat.gpus, minutes: heat.staleAfterMinutes })}
    >
      <div data-testid="panel-heatmap">
        <GpuHeatmap racks={heat.racks} />
      </div>
    </Card>
  );
}

/** Power and PUE per site over the last 24 hours or 7 days (the Energy page's trend, per site). */
export async function EnergyTrendPanel({ days }: { days: 1 | 7 }) {
  const now = new Date();
  const toMs = now.getTime();
  const fromMs = toMs - days * 86_400_000;
  const [sites, pueRule] = await Promise.all([
    listSiteNames(),
    db.alertRule.findUnique({ where: { name: "SitePueHigh" } }),
  ]);
  const trends = await Promise.all(sites.map((site) => getEnergyTrend({ site, fromMs, toMs, maxGapMinutes: 15 }, now)));
  // The target line is the PUE alert's own threshold, so the chart and the alert agree.
  const pueTarget = (pueRule?.params as { target?: number } | null)?.target ?? 1.6;
  return (
    <div data-testid="panel-energy-trend" className="grid gap-4 xl:grid-cols-2">
      {trends.map((t) => (
        <EnergyTrendCard key={t.site} trend={t} pueTarget={pueTarget} />
      ))}
    </div>
  );
}
