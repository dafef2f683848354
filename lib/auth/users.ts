import { db } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "./principal";
import type { CreateUserInput } from "./schemas";
import { hashPassword } from "./secrets";

export type UserOut = { id: string; name: string; role: CreateUserInput["role"]; createdAt: string; disabled: boolean };

export async function listUsers(): Promise<UserOut[]> {
  const rows = await db.user.findMany({ orderBy: { name: "asc" } });
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
    disabled: u.disabledAt !== null,
  }));
}

/** Creates a user; a taken name is a 409 (unique constraint). */
export async function createUser(input: CreateUserInput, actor: Principal): Promise<UserOut> {
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { name: input.name, role: input.role, passwordHash } });
    await recordAudit(tx, actor, {
      action: "user.create",
      target: `user:${created.name}`,
      details: { role: input.role },
    });
    return created;
  });
  return { id: user.id, name: user.name, role: user.role, createdAt: user.createdAt.toISOString(), disabled: false };
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}
