import type { z } from "zod";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { db, type Prisma } from "../db";

/**
 * A group of settings stored as one JSON row (`Setting`), read through its zod
 * schema (defaults for anything never set) and changed with an audit event in
 * the same transaction. A stored row that no longer parses reads as the
 * defaults rather than failing every reader.
 */
export async function readSettings<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S>> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = schema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

export async function writeSettings<T>(
  key: string,
  next: T,
  actor: Principal,
  audit: { action: string; details: unknown },
): Promise<T> {
  const value = next as Prisma.InputJsonValue;
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key },
      create: { key, value, updatedBy: actor.name },
      update: { value, updatedBy: actor.name },
    });
    await recordAudit(tx, actor, {
      action: audit.action,
      target: `settings:${key}`,
      details: audit.details as Prisma.InputJsonValue,
    });
  });
  return next;
}
