import { db, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { CreateSiteInput, SiteOut, UpdateSiteInput } from "./schemas";

const siteInclude = { _count: { select: { racks: true } } } satisfies Prisma.SiteInclude;
type SiteRow = Prisma.SiteGetPayload<{ include: typeof siteInclude }>;

function toSiteOut(s: SiteRow): SiteOut {
  return {
    name: s.name,
    tariffPerKwh: s.tariffPerKwh === null ? null : s.tariffPerKwh.toNumber(),
    currency: s.currency,
    carbonGPerKwh: s.carbonGPerKwh === null ? null : s.carbonGPerKwh.toNumber(),
    timezone: s.timezone,
    rackCount: s._count.racks,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function getSiteOrThrow(name: string, client: Tx | typeof db = db) {
  const site = await client.site.findUnique({ where: { name } });
  if (!site) throw new AppError("not_found", `Site ${name} does not exist`);
  return site;
}

/** Registers a site; a taken name is a 409. */
export async function createSite(input: CreateSiteInput, actor: Principal): Promise<SiteOut> {
  return db.$transaction(async (tx) => {
    const site = await tx.site.create({ data: input, include: siteInclude });
    await recordAudit(tx, actor, { action: "site.create", target: `site:${site.name}`, details: input });
    return toSiteOut(site);
  });
}

export async function listSites(): Promise<SiteOut[]> {
  const rows = await db.site.findMany({ orderBy: { name: "asc" }, include: siteInclude });
  return rows.map(toSiteOut);
}

export async function getSite(name: string): Promise<SiteOut> {
  const site = await db.site.findUnique({ where: { name }, include: siteInclude });
  if (!site) throw new AppError("not_found", `Site ${name} does not exist`);
  return toSiteOut(site);
}

export async function updateSite(name: string, input: UpdateSiteInput, actor: Principal): Promise<SiteOut> {
  return db.$transaction(async (tx) => {
    const site = await getSiteOrThrow(name, tx);
    const updated = await tx.site.update({ where: { id: site.id }, data: input, include: siteInclude });
    await recordAudit(tx, actor, { action: "site.update", target: `site:${name}`, details: input });
    return toSiteOut(updated);
  });
}

/** Deletes a site without racks; one with racks is a 409. */
export async function deleteSite(name: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const site = await getSiteOrThrow(name, tx);
    const racks = await tx.rack.count({ where: { siteId: site.id } });
    if (racks > 0) throw new AppError("conflict", `Site ${name} still has ${racks} racks; delete them first`);
    await tx.site.delete({ where: { id: site.id } });
    await recordAudit(tx, actor, { action: "site.delete", target: `site:${name}` });
  });
}
