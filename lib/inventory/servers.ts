import { z } from "zod";
import { db, type Prisma } from "../db";
import { AppError } from "../errors";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { ListServersQuery, ServerOut } from "./schemas";

const Cursor = z.object({ hostname: z.string() });

const serverInclude = {
  rack: { include: { site: true } },
  _count: { select: { gpus: true } },
} satisfies Prisma.ServerInclude;
type ServerRow = Prisma.ServerGetPayload<{ include: typeof serverInclude }>;

function toServerOut(s: ServerRow): ServerOut {
  return {
    hostname: s.hostname,
    site: s.rack.site.name,
    rack: s.rack.name,
    positionU: s.positionU,
    heightU: s.heightU,
    model: s.model,
    serial: s.serial,
    status: s.status,
    gpuCount: s._count.gpus,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Servers ordered by hostname, filtered, one page at a time. */
export async function listServers(q: ListServersQuery): Promise<Page<ServerOut>> {
  const where: Prisma.ServerWhereInput = {};
  if (q.status) where.status = q.status;
  if (q.rack || q.site) {
    const [rackSite, rackName] = q.rack?.includes("/") ? q.rack.split("/", 2) : [undefined, q.rack];
    const siteName = q.site ?? rackSite;
    where.rack = { name: rackName, site: siteName ? { name: siteName } : undefined };
  }
  if (q.q) {
    where.OR = [
      { hostname: { contains: q.q, mode: "insensitive" } },
      { model: { contains: q.q, mode: "insensitive" } },
      { serial: { contains: q.q, mode: "insensitive" } },
    ];
  }
  if (q.cursor) where.hostname = { gt: decodeCursor(q.cursor, Cursor).hostname };
  const rows = await db.server.findMany({
    where,
    include: serverInclude,
    orderBy: { hostname: "asc" },
    take: q.limit + 1,
  });
  return toPage(rows, q.limit, (r) => ({ hostname: r.hostname }), toServerOut);
}

export async function getServer(hostname: string): Promise<ServerOut> {
  const row = await db.server.findUnique({ where: { hostname }, include: serverInclude });
  if (!row) throw new AppError("not_found", `Server ${hostname} does not exist`);
  return toServerOut(row);
}
