import { db, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { findOverlap, outOfRackReason, overlapReason, type Slot } from "./placement";
import { lockRack, resolveRack } from "./racks";
import type { CreateServerInput, ServerOut, UpdateServerInput } from "./schemas";
import { getServer } from "./servers";

/**
 * Checks that `slot` fits in the rack and overlaps nothing there. Call inside
 * the transaction that writes the server, after lockRack().
 */
async function assertPlacement(tx: Tx, rack: { id: string; name: string; heightU: number }, slot: Slot): Promise<void> {
  const outside = outOfRackReason(slot, rack.name, rack.heightU);
  if (outside) throw new AppError("unprocessable_entity", outside, { field: "positionU" });
  const others = await tx.server.findMany({
    where: { rackId: rack.id },
    select: { hostname: true, positionU: true, heightU: true },
  });
  const clash = findOverlap(slot, others);
  if (clash) throw new AppError("conflict", overlapReason(slot, clash, rack.name), { overlaps: clash.hostname });
}

export async function getServerRowOrThrow(hostname: string, client: Tx | typeof db = db) {
  const server = await client.server.findUnique({
    where: { hostname },
    include: { rack: { include: { site: true } } },
  });
  if (!server) throw new AppError("not_found", `Server ${hostname} does not exist`);
  return server;
}

/** Mounts a server in a rack: 404 unknown rack, 422 outside the rack, 409 overlap or taken hostname. */
export async function createServer(input: CreateServerInput, actor: Principal): Promise<ServerOut> {
  await db.$transaction(async (tx) => {
    const rack = await resolveRack(input.rack, tx);
    await lockRack(tx, rack.id);
    await assertPlacement(tx, rack, input);
    const { rack: _ref, ...fields } = input;
    await tx.server.create({ data: { ...fields, rackId: rack.id } });
    await recordAudit(tx, actor, {
      action: "server.create",
      target: `server:${input.hostname}`,
      details: { ...input, rack: `${rack.site.name}/${rack.name}` },
    });
  });
  return getServer(input.hostname);
}

/** Changes a server; moving or resizing it re-checks placement. */
export async function updateServer(hostname: string, input: UpdateServerInput, actor: Principal): Promise<ServerOut> {
  const finalHostname = await db.$transaction(async (tx) => {
    const current = await getServerRowOrThrow(hostname, tx);
    const rack = input.rack ? await resolveRack(input.rack, tx) : current.rack;
    const slot = {
      hostname,
      positionU: input.positionU ?? current.positionU,
      heightU: input.heightU ?? current.heightU,
    };
    const isMoving =
      rack.id !== current.rackId || slot.positionU !== current.positionU || slot.heightU !== current.heightU;
    if (isMoving) {
      await lockRack(tx, rack.id);
      await assertPlacement(tx, rack, slot);
    }
    const { rack: _ref, ...fields } = input;
    const updated = await tx.server.update({ where: { id: current.id }, data: { ...fields, rackId: rack.id } });
    const changes = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [
        k,
        {
          from:
            k === "rack"
              ? `${current.rack.site.name}/${current.rack.name}`
              : (current[k as keyof typeof fields] ?? null),
          to: v,
        },
      ]),
    );
    await recordAudit(tx, actor, { action: "server.update", target: `server:${hostname}`, details: changes });
    return updated.hostname;
  });
  return getServer(finalHostname);
}

/** Removes a server and its GPUs (they are part of it). */
export async function deleteServer(hostname: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const server = await getServerRowOrThrow(hostname, tx);
    const gpus = await tx.gpu.count({ where: { serverId: server.id } });
    await tx.server.delete({ where: { id: server.id } });
    await recordAudit(tx, actor, {
      action: "server.delete",
      target: `server:${hostname}`,
      details: { gpusRemoved: gpus, rack: `${server.rack.site.name}/${server.rack.name}` },
    });
  });
}
