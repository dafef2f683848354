import { db, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { CreateRackInput, RackOut, UpdateRackInput } from "./schemas";
import { getSiteOrThrow } from "./sites";

const rackInclude = { site: true, servers: { select: { heightU: true } } } satisfies Prisma.RackInclude;
type RackRow = Prisma.RackGetPayload<{ include: typeof rackInclude }>;

function toRackOut(r: RackRow): RackOut {
  return {
    site: r.site.name,
    name: r.name,
    heightU: r.heightU,
    powerCapKw: r.powerCapKw === null ? null : r.powerCapKw.toNumber(),
    serverCount: r.servers.length,
    usedU: r.servers.reduce((n, s) => n + s.heightU, 0),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Finds a rack by `name` or `site/name`. A bare name that exists at two sites is
 * ambiguous (422) rather than silently picking one.
 */
export async function resolveRack(ref: string, client: Tx | typeof db = db) {
  const [siteName, rackName] = ref.includes("/") ? ref.split("/", 2) : [undefined, ref];
  const racks = await client.rack.findMany({
    where: { name: rackName, site: siteName ? { name: siteName } : undefined },
    include: { site: true },
  });
  if (racks.length === 0) throw new AppError("not_found", `Rack ${ref} does not exist`);
  if (racks.length > 1) {
    throw new AppError(
      "unprocessable_entity",
      `Rack name ${ref} exists at several sites; say which: ${racks.map((r) => `${r.site.name}/${r.name}`).join(", ")}`,
    );
  }
  return racks[0]!;
}

export async function createRack(input: CreateRackInput, actor: Principal): Promise<RackOut> {
  return db.$transaction(async (tx) => {
    const site = await getSiteOrThrow(input.site, tx);
    const rack = await tx.rack.create({
      data: { siteId: site.id, name: input.name, heightU: input.heightU, powerCapKw: input.powerCapKw },
      include: rackInclude,
    });
    await recordAudit(tx, actor, { action: "rack.create", target: `rack:${site.name}/${rack.name}`, details: input });
    return toRackOut(rack);
  });
}

export async function listRacks(q: { site?: string }): Promise<RackOut[]> {
  const rows = await db.rack.findMany({
    where: q.site ? { site: { name: q.site } } : {},
    include: rackInclude,
    orderBy: [{ site: { name: "asc" } }, { name: "asc" }],
  });
  return rows.map(toRackOut);
}

export async function getRack(ref: string): Promise<RackOut> {
  const rack = await resolveRack(ref);
  return toRackOut(await db.rack.findUniqueOrThrow({ where: { id: rack.id }, include: rackInclude }));
}

/** Renames or resizes a rack; shrinking below a mounted server is refused (409). */
export async function updateRack(ref: string, input: UpdateRackInput, actor: Principal): Promise<RackOut> {
  return db.$transaction(async (tx) => {
    const rack = await resolveRack(ref, tx);
    await lockRack(tx, rack.id);
    if (input.heightU !== undefined) {
      const [highest] = await tx.$queryRaw<
        { top: number | null }[]
      >`SELECT MAX("positionU" + "heightU" - 1)::int AS top FROM "Server" WHERE "rackId" = ${rack.id}::uuid`;
      const top = highest?.top ?? 0;
      if (top > input.heightU)
        throw new AppError("conflict", `Rack ${ref} has servers up to U${top}; it cannot shrink to ${input.heightU}U`);
    }
    const updated = await tx.rack.update({ where: { id: rack.id }, data: input, include: rackInclude });
    await recordAudit(tx, actor, {
      action: "rack.update",
      target: `rack:${rack.site.name}/${rack.name}`,
      details: input,
    });
    return toRackOut(updated);
  });
}

/** Deletes an empty rack; a rack with servers is a 409. */
export async function deleteRack(ref: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const rack = await resolveRack(ref, tx);
    const servers = await tx.server.count({ where: { rackId: rack.id } });
    if (servers > 0)
      throw new AppError("conflict", `Rack ${ref} still holds ${servers} servers; move or delete them first`);
    await tx.rack.delete({ where: { id: rack.id } });
    await recordAudit(tx, actor, { action: "rack.delete", target: `rack:${rack.site.name}/${rack.name}` });
  });
}

/**
 * Serialises placement in one rack: two requests placing servers into the same
 * free U at once would both pass the overlap check without this row lock.
 */
export async function lockRack(tx: Tx, rackId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Rack" WHERE id = ${rackId}::uuid FOR UPDATE`;
}
