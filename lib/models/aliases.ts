/**
 * Aliases: names (`production`, `staging`) that point at one version of a
 * model. A move is one transaction — the alias row, its ledger row and the
 * audit row — so a reader sees the old version or the new one, never none and
 * never two. Protected aliases need `models.promote` and a note; an alias may
 * also require a second admin's approval (lib/models/promotions.ts).
 */
import { db, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { can, permissions } from "../auth/permissions";
import { followAliasMove } from "../deployments/follow-alias";
import { AppError } from "../errors";
import type { AliasOut, AliasPolicyOut } from "./outputs";
import type { AliasPolicyInput, MoveAliasInput } from "./schemas";
import { getModelRowOrThrow, policiesOf } from "./versions";
import { DEFAULT_PROTECTED_ALIASES, policyOf } from "./version-views";

export type MoveRequest = { modelId: string; name: string; alias: string; version: number; note: string | null };
export type MoveParties = { actor: string; approvedBy?: string | null; requestId?: string | null };

/** Refuses a move of a protected alias by someone without `models.promote`, or without a note. */
export function checkMayMove(policy: AliasPolicyOut, actor: Principal, note: string | null | undefined): void {
  if (!policy.isProtected) return;
  if (!can(actor.role, "models.promote"))
    throw new AppError(
      "forbidden",
      `The alias ${policy.alias} is protected: moving it needs the ${permissions["models.promote"]} role (models.promote); you are ${actor.role}`,
    );
  if (!note)
    throw new AppError("unprocessable_entity", `Say why in a note: the alias ${policy.alias} is protected`, [
      { path: "note", message: "required for a protected alias", code: "custom" },
    ]);
}

/**
 * Locks a model's row until commit. Every registry transaction takes it before
 * its other writes, and audits last: one lock order (model row, registry rows,
 * the audit chain), so registry transactions never deadlock each other.
 */
export async function lockModel(tx: Tx, modelId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "RegisteredModel" WHERE "id" = ${modelId}::uuid FOR UPDATE`;
}

async function versionIdOrThrow(tx: Tx, modelId: string, name: string, version: number): Promise<string> {
  const v = await tx.modelVersion.findUnique({
    where: { modelId_version: { modelId, version } },
    select: { id: true, archivedAt: true },
  });
  if (!v) throw new AppError("not_found", `Model ${name} has no version ${version}`);
  if (v.archivedAt)
    throw new AppError("conflict", `${name} version ${version} is archived; restore it before pointing an alias at it`);
  return v.id;
}

/**
 * Points the alias at `move.version` inside `tx` (a no-op when it already
 * does). The model row is locked first, so moves of one model's aliases are
 * serial, and the ledger time is taken after the lock: ledger order is commit
 * order. Returns the version it held before (null when new).
 */
export async function applyMove(
  tx: Tx,
  move: MoveRequest,
  parties: MoveParties,
  principal: Principal,
): Promise<{ from: number | null; changed: boolean }> {
  await lockModel(tx, move.modelId);
  const versionId = await versionIdOrThrow(tx, move.modelId, move.name, move.version);
  const current = await tx.modelAlias.findUnique({
    where: { modelId_alias: { modelId: move.modelId, alias: move.alias } },
    include: { version: { select: { version: true } } },
  });
  const from = current?.version.version ?? null;
  if (from === move.version) return { from, changed: false };
  const at = new Date();
  await tx.modelAlias.upsert({
    where: { modelId_alias: { modelId: move.modelId, alias: move.alias } },
    create: { modelId: move.modelId, alias: move.alias, versionId, movedBy: parties.actor, movedAt: at },
    update: { versionId, movedBy: parties.actor, movedAt: at },
  });
  await tx.modelAliasMove.create({
    data: {
      modelId: move.modelId,
      alias: move.alias,
      fromVersion: from,
      toVersion: move.version,
      actor: parties.actor,
      note: move.note,
      approvedBy: parties.approvedBy ?? null,
      requestId: parties.requestId ?? null,
      at,
    },
  });
  await followAliasMove(
    tx,
    { modelId: move.modelId, alias: move.alias, versionId, version: move.version, from },
    parties.actor,
  );
  await recordAudit(tx, principal, {
    action: "model.alias_move",
    target: `model:${move.name}`,
    details: {
      alias: move.alias,
      from,
      to: move.version,
      note: move.note,
      ...(parties.approvedBy ? { approvedBy: parties.approvedBy, requestedBy: parties.actor } : {}),
    },
  });
  return { from, changed: true };
}

/** One alias as the API shows it, or 404. */
export async function getAlias(name: string, alias: string): Promise<AliasOut> {
  const model = await getModelRowOrThrow(name);
  const row = await db.modelAlias.findUnique({
    where: { modelId_alias: { modelId: model.id, alias } },
    include: { version: { select: { version: true } } },
  });
  if (!row) throw new AppError("not_found", `Model ${name} has no alias ${alias}`);
  const policy = policyOf(await policiesOf(model.id), alias);
  return {
    alias,
    version: row.version.version,
    isProtected: policy.isProtected,
    requiresApproval: policy.requiresApproval,
    movedBy: row.movedBy,
    movedAt: row.movedAt.toISOString(),
  };
}

/** The version an alias points at now (`latest`: the newest version not archived). */
export async function resolveAlias(name: string, alias: string): Promise<number> {
  if (alias === "latest") {
    const model = await getModelRowOrThrow(name);
    const v = await db.modelVersion.findFirst({
      where: { modelId: model.id, archivedAt: null },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    if (!v) throw new AppError("not_found", `Model ${name} has no version that is not archived`);
    return v.version;
  }
  return (await getAlias(name, alias)).version;
}

export type MoveResult = { kind: "moved"; alias: AliasOut } | { kind: "pending"; requestId: string };

/**
 * PUT an alias: moves it now, or — when it requires approval — files a
 * promotion request for a second admin (lib/models/promotions.ts).
 */
export async function moveAlias(
  name: string,
  alias: string,
  input: MoveAliasInput,
  actor: Principal,
  requestApproval: (modelId: string) => Promise<string>,
): Promise<MoveResult> {
  const model = await getModelRowOrThrow(name);
  const policy = policyOf(await policiesOf(model.id), alias);
  checkMayMove(policy, actor, input.note);
  if (policy.requiresApproval) return { kind: "pending", requestId: await requestApproval(model.id) };
  await db.$transaction((tx) =>
    applyMove(
      tx,
      { modelId: model.id, name, alias, version: input.version, note: input.note ?? null },
      { actor: actorOf(actor) },
      actor,
    ),
  );
  return { kind: "moved", alias: await getAlias(name, alias) };
}

/** Removes an alias (a ledger row with no target version). Protected ones need models.promote and a note. */
export async function removeAlias(
  name: string,
  alias: string,
  note: string | undefined,
  actor: Principal,
): Promise<void> {
  const model = await getModelRowOrThrow(name);
  checkMayMove(policyOf(await policiesOf(model.id), alias), actor, note);
  await db.$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const current = await tx.modelAlias.findUnique({
      where: { modelId_alias: { modelId: model.id, alias } },
      include: { version: { select: { version: true } } },
    });
    if (!current) throw new AppError("not_found", `Model ${name} has no alias ${alias}`);
    await tx.modelAlias.delete({ where: { modelId_alias: { modelId: model.id, alias } } });
    const at = new Date();
    await tx.modelAliasMove.create({
      data: {
        modelId: model.id,
        alias,
        fromVersion: current.version.version,
        toVersion: null,
        actor: actorOf(actor),
        note: note ?? null,
        at,
      },
    });
    await recordAudit(tx, actor, {
      action: "model.alias_remove",
      target: `model:${name}`,
      details: { alias, from: current.version.version, note: note ?? null },
    });
  });
}

/** Sets whether an alias is protected and needs approval (admins; audited). */
export async function setAliasPolicy(
  name: string,
  alias: string,
  input: AliasPolicyInput,
  actor: Principal,
): Promise<AliasPolicyOut> {
  const model = await getModelRowOrThrow(name);
  await db.$transaction(async (tx) => {
    const data = { isProtected: input.protected, requiresApproval: input.requiresApproval, updatedBy: actorOf(actor) };
    await tx.modelAliasPolicy.upsert({
      where: { modelId_alias: { modelId: model.id, alias } },
      create: { modelId: model.id, alias, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: "model.alias_policy",
      target: `model:${name}`,
      details: { alias, ...input },
    });
  });
  return policyOf(await policiesOf(model.id), alias);
}

/** Every alias policy of a model worth showing: those set, the defaults, and those of aliases in use. */
export async function listAliasPolicies(modelId: string, aliasesInUse: string[]): Promise<AliasPolicyOut[]> {
  const policies = await policiesOf(modelId);
  const names = new Set([...DEFAULT_PROTECTED_ALIASES, ...policies.map((p) => p.alias), ...aliasesInUse]);
  return [...names].sort().map((alias) => policyOf(policies, alias));
}

/** Every alias of a model, by name. */
export async function listAliases(name: string): Promise<AliasOut[]> {
  const model = await getModelRowOrThrow(name);
  const [rows, policies] = await Promise.all([
    db.modelAlias.findMany({
      where: { modelId: model.id },
      include: { version: { select: { version: true } } },
      orderBy: { alias: "asc" },
    }),
    policiesOf(model.id),
  ]);
  return rows.map((row) => {
    const policy = policyOf(policies, row.alias);
    return {
      alias: row.alias,
      version: row.version.version,
      isProtected: policy.isProtected,
      requiresApproval: policy.requiresApproval,
      movedBy: row.movedBy,
      movedAt: row.movedAt.toISOString(),
    };
  });
}
