import { db } from "../db";
import { recordAudit } from "../audit/events";
import { logger } from "../observability/logger";
import { systemPrincipal } from "./principal";
import type { Role } from "./permissions";
import { generatePassword, hashPassword, hashSecret, verifyPassword } from "./secrets";

const ENV_TOKEN_NAME = "env:RACKMIND_ADMIN_TOKEN";

/**
 * Makes RACKMIND_ADMIN_TOKEN an admin API token with exactly that value. When the
 * variable changes, the token made from its previous value is revoked.
 */
export async function ensureEnvAdminToken(token: string): Promise<void> {
  const tokenHash = hashSecret(token);
  await db.$transaction(async (tx) => {
    const stale = await tx.apiToken.findMany({ where: { name: ENV_TOKEN_NAME, revokedAt: null, NOT: { tokenHash } } });
    for (const t of stale) {
      await tx.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, systemPrincipal, {
        action: "token.revoke",
        target: `token:${t.id}`,
        details: { name: t.name, reason: "RACKMIND_ADMIN_TOKEN changed" },
      });
    }
    const existing = await tx.apiToken.findUnique({ where: { tokenHash } });
    if (existing && !existing.revokedAt && existing.role === "admin") return;
    if (existing) {
      await tx.apiToken.update({ where: { id: existing.id }, data: { revokedAt: null, role: "admin" } });
    } else {
      const created = await tx.apiToken.create({
        data: { name: ENV_TOKEN_NAME, role: "admin", tokenHash, prefix: token.slice(0, 8), createdBy: "system" },
      });
      await recordAudit(tx, systemPrincipal, {
        action: "token.create",
        target: `token:${created.id}`,
        details: { name: ENV_TOKEN_NAME, role: "admin" },
      });
    }
  });
}

/** Makes the user `admin` sign in with RACKMIND_ADMIN_PASSWORD (creating it if needed). */
export async function ensureEnvAdminPassword(password: string): Promise<void> {
  const current = await db.user.findUnique({ where: { name: "admin" } });
  if (
    current &&
    current.role === "admin" &&
    !current.disabledAt &&
    (await verifyPassword(current.passwordHash, password))
  )
    return;
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.upsert({
      where: { name: "admin" },
      create: { name: "admin", role: "admin", passwordHash },
      update: { role: "admin", passwordHash, disabledAt: null },
    });
    await recordAudit(tx, systemPrincipal, {
      action: "user.password_set",
      target: "user:admin",
      details: { source: "RACKMIND_ADMIN_PASSWORD" },
    });
  });
}

export type DemoCredential = { name: string; role: Role; password: string };

/**
 * On a database with no users, creates `admin`, `operator` and `viewer` with
 * random passwords and returns them so the launcher can print them — once; they
 * are not stored anywhere in clear. Returns [] when users already exist.
 */
export async function createDemoUsers(adminPassword?: string): Promise<DemoCredential[]> {
  const creds: DemoCredential[] = (["admin", "operator", "viewer"] as const).map((role) => ({
    name: role,
    role,
    password: role === "admin" && adminPassword ? adminPassword : generatePassword(),
  }));
  const hashes = await Promise.all(creds.map((c) => hashPassword(c.password)));
  const created = await db.$transaction(async (tx) => {
    // Checked inside the transaction so two starting processes cannot both create them.
    if ((await tx.user.count()) > 0) return false;
    await tx.user.createMany({ data: creds.map((c, i) => ({ name: c.name, role: c.role, passwordHash: hashes[i]! })) });
    await recordAudit(tx, systemPrincipal, {
      action: "user.create_demo",
      target: "user:*",
      details: { names: creds.map((c) => c.name) },
    });
    return true;
  });
  if (!created) return [];
  logger.info({ users: creds.map((c) => c.name) }, "created demo users");
  return creds;
}
