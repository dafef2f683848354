import { db } from "../db";

export type FleetSummary = {
  sites: number;
  racks: number;
  servers: { active: number; maintenance: number; retired: number };
  gpus: { healthy: number; degraded: number; failed: number };
  gpuModels: { model: string; count: number }[];
};

/** Counts for the overview page: servers by status, GPUs by health and model. */
export async function getFleetSummary(): Promise<FleetSummary> {
  const [sites, racks, byStatus, byHealth, byModel] = await Promise.all([
    db.site.count(),
    db.rack.count(),
    db.server.groupBy({ by: ["status"], _count: { _all: true } }),
    db.gpu.groupBy({ by: ["health"], _count: { _all: true } }),
    db.gpu.groupBy({ by: ["model"], _count: { _all: true }, orderBy: { _count: { model: "desc" } } }),
  ]);
  const servers = { active: 0, maintenance: 0, retired: 0 };
  for (const row of byStatus) servers[row.status] = row._count._all;
  const gpus = { healthy: 0, degraded: 0, failed: 0 };
  for (const row of byHealth) gpus[row.health] = row._count._all;
  return { sites, racks, servers, gpus, gpuModels: byModel.map((r) => ({ model: r.model, count: r._count._all })) };
}
