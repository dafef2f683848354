import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import type { CreateSiteInput, SiteOut } from "./schemas";

type SiteRow = Prisma.SiteGetPayload<{ include: { _count: { select: { racks: true } } } }>;

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

/** Registers a site; a taken name is a 409. */
export async function createSite(input: CreateSiteInput, actor: Principal): Promise<SiteOut> {
  return db.$transaction(async (tx) => {
    const site = await tx.site.create({ data: input, include: { _count: { select: { racks: true } } } });
    await recordAudit(tx, actor, { action: "site.create", target: `site:${site.name}`, details: input });
    return toSiteOut(site);
  });
}

export async function listSites(): Promise<SiteOut[]> {
  const rows = await db.site.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { racks: true } } } });
  return rows.map(toSiteOut);
}
