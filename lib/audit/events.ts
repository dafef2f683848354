import { z } from "zod";
import { db, type Prisma, type Tx } from "../db";
import { actorOf, type Principal } from "../auth/principal";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { AuditEventOut, AuditQuery } from "./schemas";

export type AuditEntry = {
  action: string;
  /** What was acted on, as `kind:natural-key`, e.g. `server:gpu-node-07`. */
  target: string;
  details?: Prisma.InputJsonValue;
};

/**
 * Records an audit event. Call it with the transaction that makes the change, so
 * the change and its record commit or roll back together. The table itself
 * rejects UPDATE/DELETE (see the foundation migration).
 */
export async function recordAudit(tx: Tx, actor: Principal, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: { actor: actorOf(actor), action: entry.action, target: entry.target, details: entry.details },
  });
}

const Cursor = z.object({ id: z.string().regex(/^\d+$/) });

/** Newest first; filters combine with AND. */
export async function listAuditEvents(q: AuditQuery): Promise<Page<AuditEventOut>> {
  const where: Prisma.AuditEventWhereInput = {};
  if (q.actor)
    where.actor =
      q.actor.includes(":") || q.actor === "system" ? q.actor : { in: [`user:${q.actor}`, `token:${q.actor}`] };
  if (q.action) where.action = q.action.endsWith(".") ? { startsWith: q.action } : q.action;
  if (q.target) where.target = q.target;
  if (q.from || q.to) where.at = { gte: q.from ? new Date(q.from) : undefined, lt: q.to ? new Date(q.to) : undefined };
  if (q.cursor) where.id = { lt: BigInt(decodeCursor(q.cursor, Cursor).id) };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: q.limit + 1 });
  return toPage(
    rows,
    q.limit,
    (r) => ({ id: r.id.toString() }),
    (r) => ({
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: r.details ?? null,
    }),
  );
}
