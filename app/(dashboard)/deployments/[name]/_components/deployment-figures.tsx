import { MinuteSeriesChart } from "@/components/charts/minute-series-chart";
import { Card, StatCard } from "@/components/ui/card";
import { getCanaryReading } from "@/lib/deployments/canary";
import { deploymentDriftSeries } from "@/lib/deployments/drift-series";
import { getDeploymentMetrics } from "@/lib/deployments/metrics";
import type { DeploymentDetailOut } from "@/lib/deployments/outputs";
import { GpuEvents } from "../../../models/_components/gpu-events";
import { DriftBadge } from "../../_components/deployment-badges";
import {
  accuracyReading,
  coverageReading,
  energyReading,
  errorRateReading,
  formatCount,
  latencyReading,
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
  const [m, drift] = await Promise.all([
    getDeploymentMetrics(d.name, windowMinutes, now),
    deploymentDriftSeries(d.name, windowMinutes, now),
  ]);
  const reading = d.canary ? await getCanaryReading(d.name, now) : null;
  const charts = trafficCharts(m.versionSeries, windowMinutes);
  const chart = (key: keyof typeof charts, unit: string, decimals: number) => (
    <MinuteSeriesChart
      {...charts[key]}
      from={m.from}
      to={m.to}
      unit={unit}
      decimals={decimals}
      emptyText={`No requests in the last ${windowMinutes} min`}
      testId={`chart-${key}`}
    />
  );
  const hasGateHistory = d.events.some((e) => e.kind === "rolled_back" || e.kind === "canary_stepped");

  return (
    <>
      <Card
        title="Traffic"
        description="Per minute, per version (stable blue, canary amber; each line is named in its legend)."
        actions={<WindowPicker path={path} current={windowMinutes} />}
      >
        <div className="mb-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
          <StatCard label="Requests" value={formatCount(m.requests)} testId="stat-requests" />
          <StatCard
            label="Error rate"
            value={errorRateReading(m.errorRate).isKnown ? errorRateReading(m.errorRate).text : "—"}
            hint={`${formatCount(m.errors)} errors${m.errorRate === null ? "; no requests in this window" : ""}`}
            testId="stat-error-rate"
          />
          {(["p50", "p95", "p99"] as const).map((q) => {
            const r = latencyReading(m.latencyMs[q]);
            return (
              <StatCard
                key={q}
                label={`${q} latency`}
                value={r.isKnown ? r.text : "—"}
                hint={r.isKnown ? undefined : r.text}
                testId={`stat-${q}`}
              />
            );
          })}
        </div>
        <div className="grid gap-4 xl:grid-cols-3">
          <div>
            <h3 className="mb-1 text-[12px] font-medium text-slate-300">Requests per minute</h3>
            {chart("requests", "requests", 0)}
          </div>
          <div>
            <h3 className="mb-1 text-[12px] font-medium text-slate-300">Errors per minute</h3>
            {chart("errors", "errors", 0)}
          </div>
          <div>
            <h3 className="mb-1 text-[12px] font-medium text-slate-300">Latency p50 / p95 / p99 (ms)</h3>
            {chart("latency", "ms", 2)}
          </div>
        </div>
      </Card>
      <Card title="Versions in the window" isFlush>
        <VersionsTable model={d.model} versions={m.versions} />
      </Card>
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <Card
          title="Input drift"
          description={
            <span className="flex flex-wrap items-center gap-2">
              <DriftBadge drift={{ ...m.driftDetail, features: m.driftDetail.features.length }} />
              <span>
                {formatCount(m.driftDetail.instances)} live instances of v{d.stable.version} against its training split;
                overall drift when half the features drift.
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
        <Card
          title="GPU health on the placement servers"
          description="In the same window. A fault is not drift: a failing GPU can change answers without the inputs changing."
        >
          <GpuEvents
            events={m.serverGpuEvents}
            whyNone="Not known: the deployment is placed on no server (PATCH servers)."
            tableLabel="GPU events on the placement servers"
            isCompact
          />
        </Card>
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <Card title="Live accuracy" description="From feedback labels joined to the logged predictions.">
          <ReadingLine reading={accuracyReading(m.accuracy, m.requests)} testId="live-accuracy" />
          <p className="mt-1 text-[12px] text-slate-400" data-testid="label-coverage">
            {coverageReading(m.accuracy)}
            {m.accuracy.unmatched > 0 &&
              `; ${formatCount(m.accuracy.unmatched)} label(s) not yet joined to a logged prediction`}
          </p>
        </Card>
        <Card title="Energy per 1,000 predictions" description="From the placement servers' GPU power telemetry.">
          <ReadingLine reading={energyReading(m.energyPer1kPredictions)} testId="energy-per-1k" />
          {m.energyPer1kPredictions.kwh !== null && (
            <p className="mt-1 text-[12px] text-slate-400">{m.energyPer1kPredictions.basis}</p>
          )}
        </Card>
      </div>
      {(d.canary || hasGateHistory) && (
        <Card title="Canary" description="What the gates read now, the last judgement that acted, and the limits.">
          <CanaryPanel deployment={d} reading={reading} />
        </Card>
      )}
    </>
  );
}
