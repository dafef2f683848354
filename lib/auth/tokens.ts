import { db } from "../db";
import { recordAudit } from "../audit/events";
import { AppError } from "../errors";
import { canGrant } from "./permissions";
import { actorOf, type Principal } from "./principal";
import type { CreateTokenInput, TokenOut } from "./schemas";
import { generateSecret, hashSecret } from "./secrets";

// Writing lastUsedAt on every request would turn every read into a write;
// once a minute per token is enough to tell stale tokens apart.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates an API token. The secret is returned once; only its hash is stored. */
export async function createApiToken(input: CreateTokenInput, actor: Principal) {
  if (!canGrant(actor.role, input.role)) {
    throw new AppError("forbidden", `A ${actor.role} cannot create a token with role ${input.role}`);
  }
  const token = generateSecret("rmk");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        role: input.role,
        scope: input.scope ?? null,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, 8),
        createdBy: actorOf(actor),
      },
    });
    await recordAudit(tx, actor, {
      action: "token.create",
      target: `token:${created.id}`,
      details: { name: input.name, role: input.role, scope: input.scope ?? null },
    });
    return created;
  });
  return { id: row.id, name: row.name, role: row.role, scope: row.scope, token };
}

/** The principal an API token stands for, or null for an unknown or revoked token. */
export async function findTokenPrincipal(token: string): Promise<Principal | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { kind: "token", id: row.id, name: row.name, role: row.role, scope: row.scope };
}

export async function listApiTokens(): Promise<TokenOut[]> {
  const rows = await db.apiToken.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    scope: r.scope,
    prefix: r.prefix,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes a token; revoking twice is a no-op that is not audited again. */
export async function revokeApiToken(id: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", `Token ${id} does not exist`);
    if (row.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "token.revoke", target: `token:${id}`, details: { name: row.name } });
  });
}
