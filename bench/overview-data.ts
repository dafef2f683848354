import { firingSummary } from "../lib/alerts/alerts";
import { listDeployments } from "../lib/deployments/deployments";
import { getEnergyTrend } from "../lib/energy/reports/page-trend";
import { getEnergySummary } from "../lib/energy/reports/summary";
import { SummaryQuery } from "../lib/energy/schemas";
import { getFaultsOverview } from "../lib/faults/node-faults";
import { getFleetSummary } from "../lib/inventory/fleet-summary";
import { listServers } from "../lib/inventory/servers";
import { listSiteNames, listSiteOverviews } from "../lib/inventory/site-overview";
import { listUnhealthyGpus } from "../lib/inventory/unhealthy-gpus";
import { getJobQueueSummary } from "../lib/jobs/queue-summary";
import { getFleetHeatmap } from "../lib/telemetry/views/gpu-heatmap";

// What the Overview page reads (app/(dashboard)/overview), by the same
// functions, all at once as its panels stream: the overview bench times it.

/** The panels that read no telemetry: the same on the page side and the naive side. */
export async function loadNonTelemetryPanels(now: Date) {
  return Promise.all([
    listServers({ status: "maintenance", limit: 10 }),
    firingSummary(now),
    getFaultsOverview(now),
    getJobQueueSummary(now),
    listDeployments(),
  ]);
}

export async function loadOverview(now: Date) {
  const sites = await listSiteNames();
  const dayStart = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000).toISOString();
  const toMs = now.getTime();
  return Promise.all([
    loadNonTelemetryPanels(now),
    getFleetSummary(now),
    listSiteOverviews(),
    listUnhealthyGpus(20, now),
    getFleetHeatmap(now),
    ...sites.map((site) => getEnergySummary(SummaryQuery.parse({ site, from: dayStart }), now)),
    ...sites.map((site) => getEnergyTrend({ site, fromMs: toMs - 86_400_000, toMs, maxGapMinutes: 15 }, now)),
  ]);
}

/** Each panel's read on its own (one after another), ms: where the page's time goes. */
export async function timePanels(now: Date): Promise<Record<string, number>> {
  const sites = await listSiteNames();
  const dayStart = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000).toISOString();
  const toMs = now.getTime();
  const panels: Record<string, () => Promise<unknown>> = {
    maintenance: () => listServers({ status: "maintenance", limit: 10 }),
    alerts: () => firingSummary(now),
    faults: () => getFaultsOverview(now),
    jobs: () => getJobQueueSummary(now),
    deployments: () => listDeployments(),
    fleetSummary: () => getFleetSummary(now),
    sites: () => listSiteOverviews(),
    unhealthyGpus: () => listUnhealthyGpus(20, now),
    heatmap: () => getFleetHeatmap(now),
    energyToday: () =>
      Promise.all(sites.map((site) => getEnergySummary(SummaryQuery.parse({ site, from: dayStart }), now))),
    energyTrend: () =>
      Promise.all(
        sites.map((site) => getEnergyTrend({ site, fromMs: toMs - 86_400_000, toMs, maxGapMinutes: 15 }, now)),
      ),
  };
  const out: Record<string, number> = {};
  for (const [name, read] of Object.entries(panels)) {
    const t0 = performance.now();
    await read();
    out[name] = Math.round((performance.now() - t0) * 10) / 10;
  }
  return out;
}
