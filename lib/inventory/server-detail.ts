import { db } from "../db";
import type { GpuHealth, ServerStatus } from "../generated/prisma/enums";
import { readHealthCauses } from "../telemetry/health/health-causes";
import type { HealthCause } from "../telemetry/health/health-rules";

export type ServerDetailGpu = {
  uuid: string;
  index: number;
  model: string;
  memoryMiB: number;
  pciBusId: string | null;
  health: GpuHealth;
  healthReason: string | null;
  /** The reason's causes, with their codes and values for the reader's language. */
  healthCauses: HealthCause[];
  /** ISO-8601 UTC, or null when the health never changed. */
  healthChangedAt: string | null;
};

export type ServerDetail = {
  hostname: string;
  site: string;
  rack: string;
  rackHeightU: number;
  /** Lowest U the server occupies (1 = bottom of the rack). */
  positionU: number;
  heightU: number;
  model: string | null;
  serial: string | null;
  status: ServerStatus;
  createdAt: string;
  updatedAt: string;
  /** Ordered by index on the server. */
  gpus: ServerDetailGpu[];
};

/**
 * One server with its place in the rack and all of its GPUs, for the server
 * page. Null for an unknown hostname: the page answers 404, which is not an
 * error worth an AppError.
 */
export async function getServerDetail(hostname: string): Promise<ServerDetail | null> {
  const row = await db.server.findUnique({
    where: { hostname },
    include: { rack: { include: { site: { select: { name: true } } } }, gpus: { orderBy: { index: "asc" } } },
  });
  if (!row) return null;
  return {
    hostname: row.hostname,
    site: row.rack.site.name,
    rack: row.rack.name,
    rackHeightU: row.rack.heightU,
    positionU: row.positionU,
    heightU: row.heightU,
    model: row.model,
    serial: row.serial,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    gpus: row.gpus.map((g) => ({
      uuid: g.uuid,
      index: g.index,
      model: g.model,
      memoryMiB: g.memoryMiB,
      pciBusId: g.pciBusId,
      health: g.health,
      healthReason: g.healthReason,
      healthCauses: readHealthCauses(g.healthCauses),
      healthChangedAt: g.healthChangedAt?.toISOString() ?? null,
    })),
  };
}
