import { db } from "../db";

/**
 * The distinct audit actions recorded so far, for the filter's suggestions.
 * Bounded: the set of actions is small and fixed by the code, but a cap keeps
 * a misbehaving writer from bloating every Audit page.
 */
export async function listAuditActions(limit = 200): Promise<string[]> {
  const rows = await db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: limit });
  return rows.map((r) => r.action);
}
