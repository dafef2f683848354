/**
 * A deployment's health over a window: requests, errors, latency percentiles
 * (overall, per version and per minute), drift of its inputs, live accuracy
 * from feedback, and the energy its servers' GPUs drew per 1,000 predictions.
 * Every figure that cannot be computed says why.
 */
import { db } from "../db";
import { getPool } from "../database/pool";
import { POWER_FIELD } from "../energy/profiles/gpu-power";
import { readGpuEvents, type EventsSubject, type EventWindow } from "../models/gpu-events";
import type { GpuEventsOut } from "../models/schemas";
import { getDeploymentRowOrThrow } from "./deployments";
import { driftOfVersion, type DriftReport } from "./drift";
import { accuracyStats, minuteOf, sumStats, type AccuracyStats, type WindowStats } from "./serving-stats";

export type VersionMetrics = WindowStats & {
  version: number;
  versionId: string;
  role: "stable" | "canary" | "previous";
  accuracy: AccuracyStats;
};

/** One minute of traffic: requests, errors and latency percentiles (ms) from the merged histograms. */
export type MinutePoint = {
  minute: string;
  requests: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
};

export type DeploymentMetrics = {
  deployment: string;
  from: string;
  to: string;
  requests: number;
  errors: number;
  errorRate: number | null;
  latencyMs: WindowStats["latencyMs"];
  /** PSI per feature of the stable version's inputs (the contract's shape); the detail is in driftDetail. */
  drift: Record<string, number>;
  driftDetail: DriftReport;
  accuracy: AccuracyStats;
  versions: VersionMetrics[];
  series: MinutePoint[];
  /** The same per minute, for each version that answered in the window (a canary beside its stable version). */
  versionSeries: { version: number; versionId: string; role: VersionMetrics["role"]; points: MinutePoint[] }[];
  energyPer1kPredictions: { kwh: number | null; kwhTotal: number | null; basis: string };
  /** GPU health events of the placement servers in the window: a fault is not drift. Null: not placed. */
  serverGpuEvents: GpuEventsOut | null;
};

// The basis sentence of the servers' GPU events speaks of the window, not of a training run.
const SERVERS_SUBJECT: EventsSubject = {
  began: "this window begins",
  during: "on the placement servers in this window",
  noneReported: "none of the placement servers' GPUs sent telemetry in this window",
};

/** The placement servers' GPUs, each watched over the whole window. */
async function serverWindows(servers: string[], from: Date, to: Date): Promise<EventWindow[]> {
  if (servers.length === 0) return [];
  const gpus = await db.gpu.findMany({
    where: { server: { hostname: { in: servers } } },
    select: { id: true, uuid: true, server: { select: { hostname: true } } },
  });
  return gpus.map((g) => ({ gpuId: g.id, uuid: g.uuid, hostname: g.server.hostname, from, to }));
}

const ENERGY_SQL = `
SELECT count(DISTINCT r."gpuId")::int AS "gpus", coalesce(sum(r."sum" / nullif(r."count", 0)), 0)::float8 AS "wattMinutes"
FROM "GpuRollup1m" r
JOIN "Gpu" g ON g."id" = r."gpuId" JOIN "Server" s ON s."id" = g."serverId"
JOIN "TelemetryField" f ON f."id" = r."fieldId" AND f."name" = $4
WHERE s."hostname" = ANY($1::text[]) AND r."bucket" >= $2 AND r."bucket" < $3`;

async function energyPer1k(servers: string[], from: Date, to: Date, requests: number, instances: number) {
  if (servers.length === 0)
    return { kwh: null, kwhTotal: null, basis: "Not known: the deployment is placed on no server (PATCH servers)." };
  const { rows } = await getPool().query<{ gpus: number; wattMinutes: number }>(ENERGY_SQL, [
    servers,
    from,
    to,
    POWER_FIELD,
  ]);
  const { gpus, wattMinutes } = rows[0]!;
  if (gpus === 0)
    return {
      kwh: null,
      kwhTotal: null,
      basis: `Not known: the GPUs of ${servers.join(", ")} sent no power telemetry in this window.`,
    };
  const kwhTotal = wattMinutes / 60 / 1000;
  if (instances === 0) return { kwh: null, kwhTotal, basis: "Not known: no predictions in this window." };
  return {
    kwh: (kwhTotal / instances) * 1000,
    kwhTotal,
    basis: `All the GPU energy of ${servers.join(", ")} (${gpus} GPU${gpus === 1 ? "" : "s"} reporting, minute means) over ${instances} predicted instances in ${requests} requests; whatever else runs on those servers is counted too.`,
  };
}

type MinuteRow = Parameters<typeof sumStats>[0][number] & { minute: Date };

/** Rows (already in minute order) summed per minute. */
function perMinute(rows: MinuteRow[]): MinutePoint[] {
  const byMinute = new Map<number, MinuteRow[]>();
  for (const m of rows) byMinute.set(m.minute.getTime(), [...(byMinute.get(m.minute.getTime()) ?? []), m]);
  return [...byMinute].map(([t, group]) => {
    const s = sumStats(group);
    return { minute: new Date(t).toISOString(), requests: s.requests, errors: s.errors, ...pick(s.latencyMs) };
  });
}

const pick = ({ p50, p95, p99 }: WindowStats["latencyMs"]) => ({ p50, p95, p99 });

export async function getDeploymentMetrics(
  name: string,
  windowMinutes = 60,
  now = new Date(),
): Promise<DeploymentMetrics> {
  const d = await getDeploymentRowOrThrow(name);
  const to = now;
  const from = new Date(now.getTime() - windowMinutes * 60_000);
  const minutes = await db.servingMinute.findMany({
    where: { deploymentId: d.id, minute: { gte: minuteOf(from.getTime()), lt: to } },
    orderBy: { minute: "asc" },
  });
  const versionIds = [
    ...new Set([
      d.stableVersionId,
      ...(d.canaryVersionId ? [d.canaryVersionId] : []),
      ...minutes.map((m) => m.versionId),
    ]),
  ];
  const numbers = new Map(
    (await db.modelVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, version: true } })).map(
      (v) => [v.id, v.version],
    ),
  );
  const total = sumStats(minutes);
  const versions = await Promise.all(
    versionIds.map(async (id) => ({
      ...sumStats(minutes.filter((m) => m.versionId === id)),
      version: numbers.get(id) ?? 0,
      versionId: id,
      role:
        id === d.stableVersionId
          ? ("stable" as const)
          : id === d.canaryVersionId
            ? ("canary" as const)
            : ("previous" as const),
      accuracy: await accuracyStats(d.id, from, to, id),
    })),
  );
  const series = perMinute(minutes);
  const versionSeries = versions
    .filter((v) => v.requests > 0)
    .map((v) => ({
      version: v.version,
      versionId: v.versionId,
      role: v.role,
      points: perMinute(minutes.filter((m) => m.versionId === v.versionId)),
    }));
  const [driftDetail, accuracy, energy, windows] = await Promise.all([
    driftOfVersion(d.id, d.stableVersionId, from, to),
    accuracyStats(d.id, from, to),
    energyPer1k(d.servers, from, to, total.requests, total.instances),
    serverWindows(d.servers, from, to),
  ]);
  return {
    deployment: name,
    from: from.toISOString(),
    to: to.toISOString(),
    requests: total.requests,
    errors: total.errors,
    errorRate: total.errorRate,
    latencyMs: total.latencyMs,
    drift: Object.fromEntries(driftDetail.features.map((f) => [f.name, f.psi])),
    driftDetail,
    accuracy,
    versions,
    series,
    versionSeries,
    energyPer1kPredictions: energy,
    serverGpuEvents: windows.length ? await readGpuEvents(windows, now, SERVERS_SUBJECT) : null,
  };
}
