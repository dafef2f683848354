import Link from "next/link";
import { GpuHeatmap } from "@/components/charts/gpu-heatmap";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { UtcTime } from "@/components/ui/utc-time";
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
import { pueUnknownText } from "../../energy/_components/energy-stat-cards";
import { EnergyTrendCard } from "../../energy/_components/energy-trend-card";

// The overview's production panels, each an async server component the page
// streams in its own Suspense boundary: a slow panel never holds up the rest.

const pct = (x: number | null) => (x === null ? null : `${(x * 100).toFixed(1)}%`);

export async function FiringAlertsPanel() {
  const [alerts, faults] = await Promise.all([firingSummary(), getFaultsOverview()]);
  return (
    <Card
      title={
        <Link href="/alerts" className="hover:underline">
          Firing alerts
        </Link>
      }
      description={alerts.firing ? `${alerts.firing} firing, not muted` : "Nothing firing."}
    >
      <div data-testid="panel-alerts" className="space-y-2 text-[13px]">
        {alerts.top.length === 0 && <p className="text-slate-400">No alert is firing.</p>}
        <ul className="space-y-1">
          {alerts.top.map((a) => (
            <li key={a.id} className="flex items-start gap-2">
              <Badge tone={a.labels.severity === "critical" ? "bad" : "warn"}>{a.labels.severity}</Badge>
              <Link href={a.annotations.link || "/alerts"} className="text-slate-200 hover:underline">
                {a.annotations.summary}
              </Link>
            </li>
          ))}
        </ul>
        <div className="border-t border-slate-800 pt-2" data-testid="panel-faults">
          <p className="text-xs font-medium uppercase tracking-wider text-slate-400">Nodes out of service</p>
          {faults.nodes.length === 0 ? (
            <p className="text-slate-400">None: every node is in service.</p>
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
                  <Badge tone="warn">{n.state}</Badge> <span className="text-slate-400">{n.reason}</span>
                </li>
              ))}
            </ul>
          )}
          {faults.breaker.open && (
            <p className="mt-1 text-amber-300">
              Automatic quarantine paused: {faults.breaker.quarantinedInWindow} nodes went out in{" "}
              {faults.breaker.windowMinutes} min (at most {faults.breaker.maxNodes}). New faults wait for a person.
            </p>
          )}
        </div>
      </div>
    </Card>
  );
}

export async function JobQueuePanel() {
  const q = await getJobQueueSummary();
  return (
    <Card
      title={
        <Link href="/jobs" className="hover:underline">
          Job queue
        </Link>
      }
      description="Today counts from 00:00 UTC."
    >
      <div data-testid="panel-jobs" className="space-y-2 text-[13px]">
        <p className="flex flex-wrap gap-3">
          <span>
            <strong className="text-slate-50">{q.running}</strong> running
          </span>
          <span>
            <strong className="text-slate-50">{q.queued}</strong> waiting
          </span>
          <Link href="/jobs?status=failed" className={q.failedToday ? "text-rose-300" : "text-slate-400"}>
            {q.failedToday} failed today
          </Link>
          <span className={q.badVerdictToday ? "text-amber-300" : "text-slate-400"}>
            {q.badVerdictToday} finished today with a verdict other than good
          </span>
        </p>
        {q.waiting.length > 0 && (
          <ul className="space-y-0.5 text-xs text-slate-300">
            {q.waiting.map((j) => (
              <li key={j.id}>
                <Link href={`/jobs/${j.id}`} className="font-mono text-emerald-300 hover:underline">
                  {j.id.slice(0, 8)}
                </Link>{" "}
                ({j.team}, {j.gpus} GPU{j.gpus === 1 ? "" : "s"}): {j.reason ?? "not yet looked at by the scheduler"}
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
  const metrics = await Promise.all(deployments.slice(0, 8).map((d) => getDeploymentMetrics(d.name, 60)));
  return (
    <Card
      title={
        <Link href="/deployments" className="hover:underline">
          Deployments
        </Link>
      }
      description="Last 60 minutes."
    >
      <div data-testid="panel-deployments" className="text-[13px]">
        {metrics.length === 0 ? (
          <p className="text-slate-400">No active deployment.</p>
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
                  <span className="text-slate-400">no requests in the window</span>
                ) : (
                  <>
                    <span>p95 {m.latencyMs.p95 === null ? "—" : `${m.latencyMs.p95} ms`}</span>
                    <span>errors {pct(m.errorRate)}</span>
                    <span>
                      {m.driftDetail.unknown
                        ? "drift unknown"
                        : m.driftDetail.isDrifting
                          ? `drifting (${m.driftDetail.driftingFeatures} features)`
                          : "no drift"}
                    </span>
                    <span>accuracy {m.accuracy.accuracy === null ? "no labels yet" : pct(m.accuracy.accuracy)}</span>
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
  const summaries = await Promise.all(sites.map((site) => getEnergySummary(SummaryQuery.parse({ site, from }), now)));
  return (
    <Card
      title={
        <Link href="/energy" className="hover:underline">
          Energy today
        </Link>
      }
      description={
        <>
          Since <UtcTime iso={from} />, per site (currencies differ).
        </>
      }
    >
      <ul data-testid="panel-energy" className="space-y-1 text-[13px]">
        {summaries.length === 0 && <li className="text-slate-400">No site yet.</li>}
        {summaries.map((s) => {
          // The energy the cost is of: facility meters, else IT meters, else the GPUs' own power telemetry.
          const kwh = { facility: s.facilityKwh, it: s.itKwh, gpu: s.gpuKwh }[s.costBasis];
          const basis = { facility: "facility", it: "IT", gpu: "GPU telemetry, no meters" }[s.costBasis];
          return (
            <li key={s.site} className="flex flex-wrap gap-x-3">
              <span className="font-medium text-slate-100">{s.site}</span>
              <span>
                {kwh.toFixed(1)} kWh ({basis})
              </span>
              <span>
                {s.cost === null ? "cost unknown: no tariff for some of it" : `${s.cost.toFixed(2)} ${s.currency}`}
              </span>
              <span>{s.co2eKg === null ? "CO₂e unknown" : `${s.co2eKg.toFixed(1)} kg CO₂e`}</span>
              <span className="text-slate-400">
                {s.pue === null
                  ? `PUE unknown: ${pueUnknownText[s.pueUnknownReason ?? "no_facility_meter"]}`
                  : `PUE ${s.pue.toFixed(2)}`}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export async function HeatmapPanel() {
  const heat = await getFleetHeatmap();
  return (
    <Card
      title={
        <Link href="/telemetry" className="hover:underline">
          GPU heat map
        </Link>
      }
      description={`${heat.reporting} of ${heat.gpus} GPUs reporting within ${heat.staleAfterMinutes} min; each square is a GPU, each row a server.`}
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
