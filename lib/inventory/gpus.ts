import { z } from "zod";
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { AppError } from "../http/errors";
import { decodeCursor, toPage, type Page } from "../http/pagination";
import type { CreateGpuInput, GpuOut, ListGpusQuery, UpdateGpuInput } from "./schemas";
import { getServerRowOrThrow } from "./server-changes";
import { getLatestReadings, noReadings, type LatestReadings } from "../telemetry/latest";

const gpuInclude = { server: { select: { hostname: true } } } satisfies Prisma.GpuInclude;
type GpuRow = Prisma.GpuGetPayload<{ include: typeof gpuInclude }>;

function toGpuOut(g: GpuRow, latest: Map<string, LatestReadings>): GpuOut {
  const r = latest.get(g.id) ?? noReadings;
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
    utilPct: r.utilPct,
    memUsedMiB: r.memUsedMiB,
    tempC: r.tempC,
    powerW: r.powerW,
    xid: r.xid,
    readingsAt: r.at,
  };
}

const Cursor = z.object({ hostname: z.string(), index: z.number().int() });

/** GPUs ordered by server hostname, then index. */
export async function listGpus(q: ListGpusQuery): Promise<Page<GpuOut>> {
  const where: Prisma.GpuWhereInput = {};
  if (q.hostname) where.server = { hostname: q.hostname };
  if (q.health) where.health = q.health;
  if (q.model) where.model = q.model;
  if (q.cursor) {
    const c = decodeCursor(q.cursor, Cursor);
    where.OR = [{ server: { hostname: { gt: c.hostname } } }, { server: { hostname: c.hostname }, index: { gt: c.index } }];
  }
  const rows = await db.gpu.findMany({ where, include: gpuInclude, orderBy: [{ server: { hostname: "asc" } }, { index: "asc" }], take: q.limit + 1 });
  const latest = await getLatestReadings(rows.map((r) => r.id));
  return toPage(rows, q.limit, (r) => ({ hostname: r.server.hostname, index: r.index }), (r) => toGpuOut(r, latest));
}

export async function getGpu(uuid: string): Promise<GpuOut> {
  const row = await db.gpu.findUnique({ where: { uuid }, include: gpuInclude });
  if (!row) throw new AppError("not_found", `GPU ${uuid} does not exist`);
  return toGpuOut(row, await getLatestReadings([row.id]));
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

/** Changes a GPU (moving it to another server, or setting health by hand with a reason). */
export async function updateGpu(uuid: string, input: UpdateGpuInput, actor: Principal): Promise<GpuOut> {
  await db.$transaction(async (tx) => {
    const current = await tx.gpu.findUnique({ where: { uuid } });
    if (!current) throw new AppError("not_found", `GPU ${uuid} does not exist`);
    const { hostname, ...fields } = input;
    const data: Prisma.GpuUncheckedUpdateInput = { ...fields };
    if (hostname) data.serverId = (await getServerRowOrThrow(hostname, tx)).id;
    if (input.health && input.health !== current.health) data.healthChangedAt = new Date();
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
    await recordAudit(tx, actor, { action: "gpu.delete", target: `gpu:${uuid}`, details: { hostname: gpu.server.hostname, index: gpu.index } });
  });
}
