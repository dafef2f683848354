import { db, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { AppError } from "../errors";
import { lockedUsers } from "./lockout";
import type { Principal } from "./principal";
import type { CreateUserInput, PasswordResetOut, ResetPasswordInput, UpdateUserInput, UserOut } from "./schemas";
import { generatePassword, hashPassword } from "./secrets";

export type { UserOut };

type UserRow = { id: string; name: string; role: UserOut["role"]; createdAt: Date; disabledAt: Date | null };

function toUserOut(u: UserRow, lockedUntil: Date | undefined): UserOut {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
    disabled: u.disabledAt !== null,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
  };
}

export async function listUsers(): Promise<UserOut[]> {
  const [rows, locks] = await Promise.all([db.user.findMany({ orderBy: { name: "asc" } }), lockedUsers()]);
  return rows.map((u) => toUserOut(u, locks.get(u.name)));
}

export async function getUser(name: string): Promise<UserOut> {
  const [row, locks] = await Promise.all([db.user.findUnique({ where: { name } }), lockedUsers()]);
  if (!row) throw new AppError("not_found", `User ${name} does not exist`);
  return toUserOut(row, locks.get(row.name));
}

/** Creates a user; a taken name is a 409 naming the field (the unique constraint backs it under a race). */
export async function createUser(input: CreateUserInput, actor: Principal): Promise<UserOut> {
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new AppError("conflict", `A user named ${input.name} already exists`, { field: "name" });
    }
    const created = await tx.user.create({ data: { name: input.name, role: input.role, passwordHash } });
    await recordAudit(tx, actor, {
      action: "user.create",
      target: `user:${created.name}`,
      details: { role: input.role },
    });
    return created;
  });
  return toUserOut(user, undefined);
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

async function findUserOrThrow(tx: Tx, name: string) {
  const user = await tx.user.findUnique({ where: { name } });
  if (!user) throw new AppError("not_found", `User ${name} does not exist`);
  return user;
}

const isSelf = (actor: Principal, userId: string) => actor.kind === "user" && actor.id === userId;

/**
 * Refuses a change that would leave no active admin. The active admins' rows
 * are locked first, so two admins demoting each other at the same moment
 * cannot both pass the count (the second waits and then sees one admin).
 */
async function assertAnotherActiveAdmin(tx: Tx, user: UserRow, field: "role" | "disabled"): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User" WHERE "role" = 'admin' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  if (admins.some((a) => a.id !== user.id)) return;
  const what = field === "role" ? "changing their role" : "disabling them";
  throw new AppError("conflict", `${user.name} is the last active admin; make another user admin before ${what}`, {
    field,
    reason: "last_active_admin",
  });
}

/** Ends every session of a user, and revokes the API tokens they created (a disabled person's scripts stop too). */
async function cutOffUser(tx: Tx, user: UserRow, now: Date): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
  const tokens = await tx.apiToken.updateMany({
    where: { createdBy: `user:${user.name}`, revokedAt: null },
    data: { revokedAt: now },
  });
  return { sessionsEnded: sessions.count, tokensRevoked: tokens.count };
}

/**
 * Changes a user's role and/or disables or re-enables them, each audited.
 * Guards: no one disables themselves, and the last active admin is neither
 * demoted nor disabled (409 with `details.field` naming the refused field).
 * Disabling ends the user's sessions and revokes the tokens they created;
 * enabling again restores neither.
 */
export async function updateUser(name: string, input: UpdateUserInput, actor: Principal): Promise<UserOut> {
  await db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, name);
    const now = new Date();
    const isDisabling = input.disabled === true && user.disabledAt === null;
    const isEnabling = input.disabled === false && user.disabledAt !== null;
    const isRoleChange = input.role !== undefined && input.role !== user.role;
    if (isDisabling && isSelf(actor, user.id)) {
      throw new AppError("conflict", "You cannot disable your own account; ask another admin", {
        field: "disabled",
        reason: "self",
      });
    }
    if (user.role === "admin" && user.disabledAt === null) {
      if (isDisabling) await assertAnotherActiveAdmin(tx, user, "disabled");
      else if (isRoleChange) await assertAnotherActiveAdmin(tx, user, "role");
    }
    if (!isDisabling && !isEnabling && !isRoleChange) return;
    await tx.user.update({
      where: { id: user.id },
      data: {
        ...(isRoleChange ? { role: input.role } : {}),
        ...(isDisabling ? { disabledAt: now } : isEnabling ? { disabledAt: null } : {}),
      },
    });
    const cutOff = isDisabling ? await cutOffUser(tx, user, now) : null;
    const target = `user:${user.name}`;
    if (isRoleChange) {
      await recordAudit(tx, actor, {
        action: "user.role_change",
        target,
        details: { from: user.role, to: input.role! },
      });
    }
    if (isDisabling) await recordAudit(tx, actor, { action: "user.disable", target, details: cutOff! });
    if (isEnabling) await recordAudit(tx, actor, { action: "user.enable", target });
  });
  return getUser(name);
}

/**
 * Sets a new password: the one given, or a generated one returned this once
 * (only its hash is stored). The user's sessions end (unless the caller resets
 * their own, which would sign them out mid-click) and a login lock on the name
 * is lifted, so they can sign in with it at once.
 */
export async function resetPassword(
  name: string,
  input: ResetPasswordInput,
  actor: Principal,
): Promise<PasswordResetOut> {
  const generated = input.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(input.password ?? generated!);
  const sessionsEnded = await db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, name);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = isSelf(actor, user.id) ? 0 : (await tx.session.deleteMany({ where: { userId: user.id } })).count;
    await tx.loginThrottle.deleteMany({ where: { key: `user:${user.name}` } });
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      target: `user:${user.name}`,
      details: { generated: generated !== null, sessionsEnded: ended },
    });
    return ended;
  });
  return { name, generatedPassword: generated, sessionsEnded };
}
