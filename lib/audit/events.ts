import { z } from "zod";
import { db, type Prisma, type Tx } from "../db";
import { actorOf, type Principal } from "../auth/principal";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { AuditEventOut, AuditQuery } from "./schemas";

export type AuditEntry = {
  action: string;
  /** What was acted on, as `kind:natural-key`, e.g. `server:gpu-node-07`; a part of it as `kind:key/part` (`model:fraud/3`). */
  target: string;
  details?: Prisma.InputJsonValue;
};

/**
 * Records an audit event. Call it with the transaction that makes the change, so
 * the change and its record commit or roll back together. The table itself
 * rejects UPDATE/DELETE, and its insert trigger links the row into the hash
 * chain (see the foundation and audit_chain migrations).
 *
 * Make it the transaction's last write. The chain trigger holds a lock from
 * this insert until commit, so every other audit writer waits for this
 * transaction; and a transaction that goes on to lock a row after it can
 * deadlock with one that locked that row first and now waits to audit.
 */
export async function recordAudit(tx: Tx, actor: Principal, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: { actor: actorOf(actor), action: entry.action, target: entry.target, details: entry.details },
  });
}

const Cursor = z.object({ id: z.string().regex(/^\d+$/) });
type AuditFilters = Omit<AuditQuery, "limit" | "cursor" | "format">;

// Prisma's startsWith becomes LIKE 'value%' without escaping the value, so a
// `_` or `%` in a filter would match any character (object=model:fr_ud would
// find model:fraud/3). Backslash is PostgreSQL's default LIKE escape.
const literalPrefix = (value: string) => ({ startsWith: value.replace(/[\\%_]/g, "\\$&") });

/** The rows the filters select; they combine with AND. */
export function auditWhere(q: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (q.actor)
    and.push({
      actor: q.actor.includes(":") || q.actor === "system" ? q.actor : { in: [`user:${q.actor}`, `token:${q.actor}`] },
    });
  if (q.action) and.push({ action: q.action.endsWith(".") ? literalPrefix(q.action) : q.action });
  if (q.target) and.push({ target: q.target });
  // The object and everything beneath it: `model:fraud/3` is part of `model:fraud`,
  // `model:fraud2` is another model (the "/" keeps them apart).
  if (q.object) and.push({ OR: [{ target: q.object }, { target: literalPrefix(`${q.object}/`) }] });
  if (q.from || q.to)
    and.push({ at: { gte: q.from ? new Date(q.from) : undefined, lt: q.to ? new Date(q.to) : undefined } });
  return { AND: and };
}

/** The id a cursor stands for (lists and exports both continue below it). */
export function cursorId(cursor: string | undefined): bigint | undefined {
  return cursor ? BigInt(decodeCursor(cursor, Cursor).id) : undefined;
}

/** Up to `take` matching rows with ids below `beforeId`, newest first: one keyset page. */
export async function findAuditRows(q: AuditFilters, beforeId: bigint | undefined, take: number) {
  const where = auditWhere(q);
  if (beforeId !== undefined) where.id = { lt: beforeId };
  return db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take });
}

type AuditRow = Awaited<ReturnType<typeof findAuditRows>>[number];

export function toAuditEventOut(r: AuditRow): AuditEventOut {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    target: r.target,
    details: r.details ?? null,
    hash: r.hash,
    prevHash: r.prevHash,
  };
}

/** Newest first; filters combine with AND. */
export async function listAuditEvents(q: AuditQuery): Promise<Page<AuditEventOut>> {
  const rows = await findAuditRows(q, cursorId(q.cursor), q.limit + 1);
  return toPage(rows, q.limit, (r) => ({ id: r.id.toString() }), toAuditEventOut);
}
