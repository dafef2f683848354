import { z } from "zod";
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { getPool } from "../database/pool";
import { AppError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import { readLastSeen, staleBefore } from "../telemetry/health/freshness";
import { readHealthInputs } from "../telemetry/health/evaluate-health";
import { baselineOf } from "../telemetry/health/health-rules";
import { getLatestReadings, noReadings, type LatestReadings } from "../telemetry/views/latest";
import { getTelemetrySettings } from "../telemetry/settings";
import { operatorHealthData, toGpuHealthView } from "./gpu-health";
import type { CreateGpuInput, GpuOut, ListGpusQuery, UpdateGpuInput } from "./schemas";
import { getServerRowOrThrow } from "./server-changes";

const gpuInclude = { server: { select: { hostname: true } } } satisfies Prisma.GpuInclude;
type GpuRow = Prisma.GpuGetPayload<{ include: typeof gpuInclude }>;

type Context = {
  latest: Map<string, LatestReadings>;
  lastSeen: Map<string, Date>;
  nowMs: number;
  staleAfterMinutes: number;
};

async function loadContext(gpuIds: string[]): Promise<Context> {
  const [latest, lastSeen, settings] = await Promise.all([
    getLatestReadings(gpuIds),
    readLastSeen(gpuIds),
    getTelemetrySettings(),
  ]);
  return { latest, lastSeen, nowMs: Date.now(), staleAfterMinutes: settings.staleAfterMinutes };
}

function toGpuOut(g: GpuRow, c: Context): GpuOut {
  const r = c.latest.get(g.id) ?? noReadings;
  return {
    uuid: g.uuid,
    hostname: g.server.hostname,
    index: g.index,
    model: g.model,
    memoryMiB: g.memoryMiB,
    pciBusId: g.pciBusId,
    health: g.health,
    healthReason: g.healthReason,
    healthChangedAt: g.healthChangedAt?.toISOString() ?? null,
    ...toGpuHealthView(g, c.lastSeen.get(g.id) ?? null, c.nowMs, c.staleAfterMinutes),
    utilPct: r.utilPct,
    memUsedMiB: r.memUsedMiB,
    tempC: r.tempC,
    powerW: r.powerW,
    xid: r.xid,
    readingsAt: r.at,
  };
}

const Cursor = z.object({ hostname: z.string(), index: z.number().int() });

// The filters and keyset in SQL (staleness is a join on GpuLastSeen, which has
// no Prisma relation); the rows themselves are then read through Prisma.
const LIST_IDS_SQL = `
SELECT g.id FROM "Gpu" g JOIN "Server" s ON s.id = g."serverId" LEFT JOIN "GpuLastSeen" ls ON ls."gpuId" = g.id
WHERE ($1::text IS NULL OR s.hostname = $1) AND ($2::text IS NULL OR g.health::text = $2) AND ($3::text IS NULL OR g.model = $3)
  AND ($4::boolean IS NULL OR (ls.at IS NULL OR ls.at < $5) = $4)
  AND ($6::text IS NULL OR (s.hostname, g.index) > ($6, $7::int))
ORDER BY s.hostname, g.index
LIMIT $8`;

/** GPUs ordered by server hostname, then index. */
export async function listGpus(q: ListGpusQuery): Promise<Page<GpuOut>> {
  const c = q.cursor ? decodeCursor(q.cursor, Cursor) : null;
  const { staleAfterMinutes } = await getTelemetrySettings();
  const { rows: ids } = await getPool().query<{ id: string }>(LIST_IDS_SQL, [
    q.hostname ?? null,
    q.health ?? null,
    q.model ?? null,
    q.stale ?? null,
    staleBefore(new Date(), staleAfterMinutes),
    c?.hostname ?? null,
    c?.index ?? 0,
    q.limit + 1,
  ]);
  const found = new Map(
    (await db.gpu.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include: gpuInclude })).map((g) => [g.id, g]),
  );
  const rows = ids.flatMap((r) => found.get(r.id) ?? []);
  const context = await loadContext(rows.map((r) => r.id));
  return toPage(
    rows,
    q.limit,
    (r) => ({ hostname: r.server.hostname, index: r.index }),
    (r) => toGpuOut(r, context),
  );
}

export async function getGpu(uuid: string): Promise<GpuOut> {
  const row = await db.gpu.findUnique({ where: { uuid }, include: gpuInclude });
  if (!row) throw new AppError("not_found", `GPU ${uuid} does not exist`);
  return toGpuOut(row, await loadContext([row.id]));
}

/** Registers a GPU in a server: 404 unknown server, 409 taken UUID or index. */
export async function createGpu(input: CreateGpuInput, actor: Principal): Promise<GpuOut> {
  await db.$transaction(async (tx) => {
    const server = await getServerRowOrThrow(input.hostname, tx);
    const { hostname: _h, ...fields } = input;
    await tx.gpu.create({ data: { ...fields, serverId: server.id } });
    await recordAudit(tx, actor, { action: "gpu.create", target: `gpu:${input.uuid}`, details: input });
  });
  return getGpu(input.uuid);
}

/**
 * Changes a GPU (moving it to another server, or setting health by hand with a
 * reason). Health set this way is the operator's; setting it healthy accepts
 * the failure values telemetry reports now, as clearing does.
 */
export async function updateGpu(uuid: string, input: UpdateGpuInput, actor: Principal): Promise<GpuOut> {
  const known = await db.gpu.findUnique({ where: { uuid }, select: { id: true } });
  if (!known) throw new AppError("not_found", `GPU ${uuid} does not exist`);
  // Read outside the transaction: on PGlite another connection would wait for it.
  const inputs =
    input.health === "healthy"
      ? (await readHealthInputs([known.id], await getTelemetrySettings())).get(known.id)
      : undefined;
  await db.$transaction(async (tx) => {
    const current = await tx.gpu.findUnique({ where: { uuid } });
    if (!current) throw new AppError("not_found", `GPU ${uuid} does not exist`);
    const { hostname, health, healthReason, ...fields } = input;
    const data: Prisma.GpuUncheckedUpdateInput = { ...fields };
    if (hostname) data.serverId = (await getServerRowOrThrow(hostname, tx)).id;
    if (health) Object.assign(data, operatorHealthData(health, healthReason, actor));
    else if (healthReason !== undefined) data.healthReason = healthReason;
    if (health === "healthy" && inputs)
      data.healthBaseline = (baselineOf(inputs) ?? undefined) as Prisma.InputJsonValue | undefined;
    if (health && health !== current.health) data.healthChangedAt = new Date();
    await tx.gpu.update({ where: { id: current.id }, data });
    await recordAudit(tx, actor, { action: "gpu.update", target: `gpu:${uuid}`, details: input });
  });
  return getGpu(uuid);
}

export async function deleteGpu(uuid: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const gpu = await tx.gpu.findUnique({ where: { uuid }, include: gpuInclude });
    if (!gpu) throw new AppError("not_found", `GPU ${uuid} does not exist`);
    await tx.gpu.delete({ where: { id: gpu.id } });
    await recordAudit(tx, actor, {
      action: "gpu.delete",
      target: `gpu:${uuid}`,
      details: { hostname: gpu.server.hostname, index: gpu.index },
    });
  });
}
