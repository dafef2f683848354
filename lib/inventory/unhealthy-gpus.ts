import { db } from "../db";
import { readHealthAck, readHealthCauses, type HealthAck } from "../telemetry/health/health-causes";
import type { HealthCause } from "../telemetry/health/health-rules";
import { readLastSeen, telemetryStateOf, type TelemetryState } from "../telemetry/health/freshness";
import { getTelemetrySettings } from "../telemetry/settings";

export type UnhealthyGpu = {
  uuid: string;
  hostname: string;
  index: number;
  model: string;
  health: "degraded" | "failed";
  reason: string | null;
  /** The reason's causes, each with its code and values for the reader's language. */
  causes: HealthCause[];
  changedAt: string | null;
  /** Whether telemetry still confirms it: a degraded GPU gone silent may have cooled, or died. */
  telemetry: TelemetryState;
  lastSeenAt: string | null;
  ack: HealthAck | null;
};

/** GPUs that are not healthy, failed first, for the overview's "needs attention" panel. */
export async function listUnhealthyGpus(limit = 20, now = new Date()): Promise<UnhealthyGpu[]> {
  const rows = await db.gpu.findMany({
    where: { health: { not: "healthy" } },
    include: { server: { select: { hostname: true } } },
    // Postgres sorts enums in declaration order (healthy, degraded, failed): descending puts failed first.
    orderBy: [{ health: "desc" }, { server: { hostname: "asc" } }, { index: "asc" }],
    take: limit,
  });
  const [lastSeen, { staleAfterMinutes }] = await Promise.all([
    readLastSeen(rows.map((r) => r.id)),
    getTelemetrySettings(),
  ]);
  return rows.map((g) => {
    const seen = lastSeen.get(g.id) ?? null;
    return {
      uuid: g.uuid,
      hostname: g.server.hostname,
      index: g.index,
      model: g.model,
      health: g.health === "failed" ? "failed" : "degraded",
      reason: g.healthReason,
      causes: readHealthCauses(g.healthCauses),
      changedAt: g.healthChangedAt?.toISOString() ?? null,
      telemetry: telemetryStateOf(seen?.getTime() ?? null, now.getTime(), staleAfterMinutes),
      lastSeenAt: seen?.toISOString() ?? null,
      ack: readHealthAck(g.healthAck),
    };
  });
}
