import { db, type Prisma } from "../db";
import type { GpuHealth, ServerStatus } from "../generated/prisma/enums";
import { readLastSeen, telemetryStateOf } from "../telemetry/health/freshness";
import { getTelemetrySettings } from "../telemetry/settings";

export type ElevationServer = {
  hostname: string;
  /** Lowest U the server occupies (1 = bottom); it fills positionU … positionU + heightU - 1. */
  positionU: number;
  heightU: number;
  model: string | null;
  status: ServerStatus;
  gpuCount: number;
  /** The least healthy of its GPUs (last known); null for a server without GPUs. */
  worstGpuHealth: GpuHealth | null;
  /** Its GPUs with no telemetry within the stale threshold, or none ever. */
  silentGpus: number;
};

export type RackElevation = {
  site: string;
  name: string;
  heightU: number;
  powerCapKw: number | null;
  /** Ordered bottom-up by positionU. */
  servers: ElevationServer[];
  /** Runs of empty rack units, bottom-up. */
  freeRuns: FreeRun[];
};

export type FreeRun = { positionU: number; heightU: number };

export type RackSummary = {
  site: string;
  name: string;
  heightU: number;
  /** Rack units taken by servers. */
  usedU: number;
  powerCapKw: number | null;
  serverCount: number;
  gpuCount: number;
  /** Servers by status. */
  servers: Record<ServerStatus, number>;
  /** GPUs by last known health. */
  gpus: Record<GpuHealth, number>;
  /** GPUs with no telemetry within the stale threshold, or none ever. */
  silentGpus: number;
};

// Postgres and Prisma order this enum as declared; this rank is the same order, for JS.
const healthRank: Record<GpuHealth, number> = { healthy: 0, degraded: 1, failed: 2 };

/** The least healthy of `healths`, or null when there are none. */
export function worstHealth(healths: GpuHealth[]): GpuHealth | null {
  return healths.reduce<GpuHealth | null>(
    (worst, h) => (worst === null || healthRank[h] > healthRank[worst] ? h : worst),
    null,
  );
}

/**
 * The empty stretches of a rack of `rackHeightU`, bottom-up, given what is
 * mounted in it. Units outside 1…rackHeightU are ignored, so a bad row cannot
 * produce a negative run.
 */
export function findFreeRuns(rackHeightU: number, mounted: { positionU: number; heightU: number }[]): FreeRun[] {
  const isUsed = new Array<boolean>(rackHeightU + 1).fill(false);
  for (const s of mounted) {
    const top = Math.min(rackHeightU, s.positionU + s.heightU - 1);
    for (let u = Math.max(1, s.positionU); u <= top; u++) isUsed[u] = true;
  }
  const runs: FreeRun[] = [];
  for (let u = 1; u <= rackHeightU; u++) {
    if (isUsed[u]) continue;
    const last = runs.at(-1);
    if (last && last.positionU + last.heightU === u) last.heightU += 1;
    else runs.push({ positionU: u, heightU: 1 });
  }
  return runs;
}

const elevationServerSelect = {
  hostname: true,
  positionU: true,
  heightU: true,
  model: true,
  status: true,
  gpus: { select: { id: true, health: true } },
} satisfies Prisma.ServerSelect;

/** Which of these GPU ids are silent: no sample since the stale threshold, or none ever. */
async function silentGpuIds(ids: string[], now: Date): Promise<Set<string>> {
  const [lastSeen, { staleAfterMinutes }] = await Promise.all([readLastSeen(ids), getTelemetrySettings()]);
  return new Set(
    ids.filter(
      (id) => telemetryStateOf(lastSeen.get(id)?.getTime() ?? null, now.getTime(), staleAfterMinutes) !== "reporting",
    ),
  );
}

/**
 * A rack and what is mounted in it, for drawing its elevation. Null when the
 * site has no rack of that name. Reads only what placement and colouring need;
 * per-GPU telemetry for other colourings joins in here later.
 */
export async function getRackElevation(site: string, rack: string): Promise<RackElevation | null> {
  const row = await db.rack.findFirst({
    where: { name: rack, site: { name: site } },
    include: {
      site: { select: { name: true } },
      servers: { select: elevationServerSelect, orderBy: { positionU: "asc" } },
    },
  });
  if (!row) return null;
  const silent = await silentGpuIds(
    row.servers.flatMap((s) => s.gpus.map((g) => g.id)),
    new Date(),
  );
  return {
    site: row.site.name,
    name: row.name,
    heightU: row.heightU,
    powerCapKw: row.powerCapKw === null ? null : row.powerCapKw.toNumber(),
    servers: row.servers.map((s) => ({
      hostname: s.hostname,
      positionU: s.positionU,
      heightU: s.heightU,
      model: s.model,
      status: s.status,
      gpuCount: s.gpus.length,
      worstGpuHealth: worstHealth(s.gpus.map((g) => g.health)),
      silentGpus: s.gpus.filter((g) => silent.has(g.id)).length,
    })),
    freeRuns: findFreeRuns(row.heightU, row.servers),
  };
}

/** Every rack with its fill and counts, ordered by site then rack name, for the racks index. */
export async function listRackSummaries(): Promise<RackSummary[]> {
  const rows = await db.rack.findMany({
    include: {
      site: { select: { name: true } },
      servers: { select: { heightU: true, status: true, gpus: { select: { id: true, health: true } } } },
    },
    orderBy: [{ site: { name: "asc" } }, { name: "asc" }],
  });
  const silent = await silentGpuIds(
    rows.flatMap((r) => r.servers.flatMap((s) => s.gpus.map((g) => g.id))),
    new Date(),
  );
  return rows.map((r) => {
    const servers: Record<ServerStatus, number> = { active: 0, maintenance: 0, retired: 0 };
    const gpus: Record<GpuHealth, number> = { healthy: 0, degraded: 0, failed: 0 };
    for (const s of r.servers) {
      servers[s.status] += 1;
      for (const g of s.gpus) gpus[g.health] += 1;
    }
    return {
      site: r.site.name,
      name: r.name,
      heightU: r.heightU,
      usedU: r.servers.reduce((n, s) => n + s.heightU, 0),
      powerCapKw: r.powerCapKw === null ? null : r.powerCapKw.toNumber(),
      serverCount: r.servers.length,
      gpuCount: gpus.healthy + gpus.degraded + gpus.failed,
      servers,
      gpus,
      silentGpus: r.servers.reduce((n, s) => n + s.gpus.filter((g) => silent.has(g.id)).length, 0),
    };
  });
}
