import { db } from "../db";

/** Who last changed something, and when, as the audit log tells it. */
export type LastChange = { at: string; actor: string; action: string };

/**
 * The newest audit event on each target (`kind:key`), for "last changed … by …"
 * beside a setting. Targets with no event are absent from the map. One small
 * query per target: admin pages show a handful of targets, each a keyed lookup.
 */
export async function lastChangesOf(targets: readonly string[], actions?: readonly string[]) {
  const rows = await Promise.all(
    targets.map((target) =>
      db.auditEvent.findFirst({
        where: { target, ...(actions ? { action: { in: [...actions] } } : {}) },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { at: true, actor: true, action: true },
      }),
    ),
  );
  const changes = new Map<string, LastChange>();
  rows.forEach((row, i) => {
    if (row) changes.set(targets[i]!, { at: row.at.toISOString(), actor: row.actor, action: row.action });
  });
  return changes;
}

/** The newest audit event on one target, or null. */
export async function lastChangeOf(target: string, actions?: readonly string[]): Promise<LastChange | null> {
  return (await lastChangesOf([target], actions)).get(target) ?? null;
}
