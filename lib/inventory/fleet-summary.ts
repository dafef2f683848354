import { db } from "../db";
import { getPool } from "../database/pool";
import { staleBefore } from "../telemetry/health/freshness";
import { getTelemetrySettings } from "../telemetry/settings";

type HealthCounts = { healthy: number; degraded: number; failed: number };

export type FleetSummary = {
  sites: number;
  racks: number;
  servers: { active: number; maintenance: number; retired: number };
  /** Every GPU by its last known health, whether telemetry still confirms it or not. */
  gpus: HealthCounts;
  /** Every GPU by whether telemetry still speaks for it. */
  telemetry: { reporting: number; stale: number; never: number };
  /** GPUs that are stale or never reported, by last known health. */
  silentByHealth: HealthCounts;
  staleAfterMinutes: number;
  gpuModels: { model: string; count: number }[];
};

type HealthRow = { health: keyof HealthCounts; state: keyof FleetSummary["telemetry"]; n: number };

const GPU_STATES_SQL = `
SELECT g.health::text AS health,
       CASE WHEN ls.at IS NULL THEN 'never' WHEN ls.at < $1 THEN 'stale' ELSE 'reporting' END AS state,
       count(*)::int AS n
FROM "Gpu" g LEFT JOIN "GpuLastSeen" ls ON ls."gpuId" = g.id
GROUP BY 1, 2`;

/** Counts for the overview page and /api/metrics: servers by status, GPUs by health, telemetry freshness and model. */
export async function getFleetSummary(now = new Date()): Promise<FleetSummary> {
  const { staleAfterMinutes } = await getTelemetrySettings();
  const [sites, racks, byStatus, states, byModel] = await Promise.all([
    db.site.count(),
    db.rack.count(),
    db.server.groupBy({ by: ["status"], _count: { _all: true } }),
    getPool().query<HealthRow>(GPU_STATES_SQL, [staleBefore(now, staleAfterMinutes)]),
    db.gpu.groupBy({ by: ["model"], _count: { _all: true }, orderBy: { _count: { model: "desc" } } }),
  ]);
  const servers = { active: 0, maintenance: 0, retired: 0 };
  for (const row of byStatus) servers[row.status] = row._count._all;
  const gpus: HealthCounts = { healthy: 0, degraded: 0, failed: 0 };
  const silentByHealth: HealthCounts = { healthy: 0, degraded: 0, failed: 0 };
  const telemetry = { reporting: 0, stale: 0, never: 0 };
  for (const r of states.rows) {
    gpus[r.health] += r.n;
    telemetry[r.state] += r.n;
    if (r.state !== "reporting") silentByHealth[r.health] += r.n;
  }
  return {
    sites,
    racks,
    servers,
    gpus,
    telemetry,
    silentByHealth,
    staleAfterMinutes,
    gpuModels: byModel.map((r) => ({ model: r.model, count: r._count._all })),
  };
}

/**
 * The overview's GPU headline: each GPU counted once. Failed wherever it is
 * (a failed GPU stays failed, reporting or not); otherwise "no data" when
 * telemetry is silent, whatever its last known health said; else its health.
 */
export function gpuHeadline(s: Pick<FleetSummary, "gpus" | "silentByHealth">): {
  healthy: number;
  degraded: number;
  failed: number;
  noData: number;
} {
  return {
    healthy: s.gpus.healthy - s.silentByHealth.healthy,
    degraded: s.gpus.degraded - s.silentByHealth.degraded,
    failed: s.gpus.failed,
    noData: s.silentByHealth.healthy + s.silentByHealth.degraded,
  };
}
