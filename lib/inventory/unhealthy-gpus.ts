import { db } from "../db";

export type UnhealthyGpu = {
  uuid: string;
  hostname: string;
  index: number;
  model: string;
  health: "degraded" | "failed";
  reason: string | null;
  changedAt: string | null;
};

/** GPUs that are not healthy, failed first, for the overview's "needs attention" panel. */
export async function listUnhealthyGpus(limit = 20): Promise<UnhealthyGpu[]> {
  const rows = await db.gpu.findMany({
    where: { health: { not: "healthy" } },
    include: { server: { select: { hostname: true } } },
    // Postgres sorts enums in declaration order (healthy, degraded, failed): descending puts failed first.
    orderBy: [{ health: "desc" }, { server: { hostname: "asc" } }, { index: "asc" }],
    take: limit,
  });
  return rows.map((g) => ({
    uuid: g.uuid,
    hostname: g.server.hostname,
    index: g.index,
    model: g.model,
    health: g.health === "failed" ? "failed" : "degraded",
    reason: g.healthReason,
    changedAt: g.healthChangedAt?.toISOString() ?? null,
  }));
}
