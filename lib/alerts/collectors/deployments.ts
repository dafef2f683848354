import { coded } from "../../i18n/coded-text";
import { db } from "../../db";
import { driftOfVersion } from "../../deployments/drift";
import { windowStats } from "../../deployments/serving-stats";
import type { ParamsOf } from "../schemas";
import type { CollectContext, Sample } from "./sample";

// Deployment checks. A drift or error alert links to the lineage of the version
// that answered (its dataset, job, GPUs), which is where its cause is looked for.

type Served = { deployment: string; deploymentId: string; model: string; version: number; versionId: string };

/** Every version an active deployment serves now: its stable one and its canary. */
async function servedVersions(): Promise<Served[]> {
  const deployments = await db.deployment.findMany({ where: { status: "active" }, orderBy: { name: "asc" } });
  const ids = deployments.flatMap((d) => [d.stableVersionId, ...(d.canaryVersionId ? [d.canaryVersionId] : [])]);
  const versions = new Map(
    (
      await db.modelVersion.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, model: { select: { name: true } } },
      })
    ).map((v) => [v.id, v]),
  );
  return deployments.flatMap((d) =>
    [d.stableVersionId, d.canaryVersionId].flatMap((id) => {
      const v = id ? versions.get(id) : undefined;
      return v
        ? [{ deployment: d.name, deploymentId: d.id, model: v.model.name, version: v.version, versionId: v.id }]
        : [];
    }),
  );
}

const lineageLink = (s: Served) => `/models/${encodeURIComponent(s.model)}/versions/${s.version}`;
const servedLabels = (s: Served) => ({ deployment: s.deployment, model: s.model, version: String(s.version) });

/** Features whose PSI over the window is above the threshold, with enough logged inputs to say so. */
export async function driftingFeatures(p: ParamsOf<"deployment_drift">, ctx: CollectContext): Promise<Sample[]> {
  const from = new Date(ctx.now.getTime() - p.windowMinutes * 60_000);
  const out: Sample[] = [];
  for (const s of await servedVersions()) {
    const report = await driftOfVersion(s.deploymentId, s.versionId, from, ctx.now);
    if (report.unknown || report.instances < p.minSamples) continue;
    for (const f of report.features.filter((f) => f.psi > p.psi)) {
      out.push({
        labels: { ...servedLabels(s), feature: f.name },
        value: Math.round(f.psi * 1000) / 1000,
        summary: `${s.deployment} (${s.model} v${s.version}): input "${f.name}" drifted, PSI ${f.psi.toFixed(2)} over ${report.instances} instances (threshold ${p.psi})`,
        summaryCode: coded("alert.deploymentDrift", {
          ...servedLabels(s),
          feature: f.name,
          psi: f.psi.toFixed(2),
          instances: String(report.instances),
          threshold: String(p.psi),
        }),
        link: lineageLink(s),
      });
    }
  }
  return out;
}

export async function slowDeployments(p: ParamsOf<"deployment_latency">, ctx: CollectContext): Promise<Sample[]> {
  const from = new Date(ctx.now.getTime() - p.windowMinutes * 60_000);
  const out: Sample[] = [];
  for (const s of await servedVersions()) {
    const stats = await windowStats(s.deploymentId, from, ctx.now, s.versionId);
    const p95 = stats.latencyMs.p95;
    if (stats.requests < p.minRequests || p95 === null || p95 <= p.p95Ms) continue;
    out.push({
      labels: servedLabels(s),
      value: p95,
      summary: `${s.deployment} (${s.model} v${s.version}): p95 latency ${p95} ms over ${stats.requests} requests in ${p.windowMinutes} min (limit ${p.p95Ms} ms)`,
      summaryCode: coded("alert.deploymentLatency", {
        ...servedLabels(s),
        p95: String(p95),
        requests: String(stats.requests),
        windowMinutes: String(p.windowMinutes),
        limit: String(p.p95Ms),
      }),
      link: lineageLink(s),
    });
  }
  return out;
}

export async function failingDeployments(p: ParamsOf<"deployment_errors">, ctx: CollectContext): Promise<Sample[]> {
  const from = new Date(ctx.now.getTime() - p.windowMinutes * 60_000);
  const out: Sample[] = [];
  for (const s of await servedVersions()) {
    const stats = await windowStats(s.deploymentId, from, ctx.now, s.versionId);
    if (stats.requests < p.minRequests || stats.errorRate === null || stats.errorRate <= p.errorRate) continue;
    out.push({
      labels: servedLabels(s),
      value: stats.errorRate,
      summary: `${s.deployment} (${s.model} v${s.version}): ${(stats.errorRate * 100).toFixed(1)}% of ${stats.requests} requests failed in ${p.windowMinutes} min (limit ${(p.errorRate * 100).toFixed(1)}%)`,
      summaryCode: coded("alert.deploymentErrors", {
        ...servedLabels(s),
        pct: (stats.errorRate * 100).toFixed(1),
        requests: String(stats.requests),
        windowMinutes: String(p.windowMinutes),
        limit: (p.errorRate * 100).toFixed(1),
      }),
      link: lineageLink(s),
    });
  }
  return out;
}

/** Canaries the gates rolled back within the window: an alert per rollback. */
export async function rolledBackCanaries(p: ParamsOf<"canary_rolled_back">, ctx: CollectContext): Promise<Sample[]> {
  const events = await db.deploymentEvent.findMany({
    where: {
      kind: "rolled_back",
      details: { path: ["automatic"], equals: true },
      at: { gte: new Date(ctx.now.getTime() - p.withinMinutes * 60_000) },
    },
    orderBy: { id: "desc" },
    take: 200,
    include: { deployment: { select: { name: true } } },
  });
  return events.map((e) => ({
    labels: { deployment: e.deployment.name, event: String(e.id) },
    value: null,
    summary: `${e.deployment.name}: ${e.message}`,
    // The event's message stays in the words it was recorded in.
    summaryCode: coded("alert.canaryRolledBack", { deployment: e.deployment.name, message: e.message }),
    link: `/deployments/${encodeURIComponent(e.deployment.name)}`,
  }));
}
