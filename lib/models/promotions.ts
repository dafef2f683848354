/**
 * Promotions that need a second admin: a move of an alias that requires
 * approval waits as a request until another admin approves it (the move then
 * happens, recording both) or rejects it; the requester may withdraw it. A
 * newer request for the same alias supersedes an older one.
 */
import { db } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { can, permissions } from "../auth/permissions";
import { AppError } from "../errors";
import type { ModelPromotionRequest } from "../generated/prisma/client";
import { applyMove, lockModel } from "./aliases";
import type { PromotionOut } from "./outputs";
import { getModelRowOrThrow } from "./versions";

export function toPromotionOut(r: ModelPromotionRequest): PromotionOut {
  return {
    id: r.id,
    alias: r.alias,
    version: r.version,
    note: r.note,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}

/** Files a request to point `alias` at `version` (the caller checked the requester may move it). */
export async function requestPromotion(
  modelId: string,
  name: string,
  alias: string,
  version: number,
  note: string,
  actor: Principal,
): Promise<string> {
  const exists = await db.modelVersion.findUnique({ where: { modelId_version: { modelId, version } } });
  if (!exists) throw new AppError("not_found", `Model ${name} has no version ${version}`);
  return db.$transaction(async (tx) => {
    await lockModel(tx, modelId);
    const now = new Date();
    await tx.modelPromotionRequest.updateMany({
      where: { modelId, alias, status: "pending" },
      data: {
        status: "superseded",
        decidedBy: actorOf(actor),
        decidedAt: now,
        decisionNote: "a newer request replaced it",
      },
    });
    const request = await tx.modelPromotionRequest.create({
      data: { modelId, alias, version, note, requestedBy: actorOf(actor), requestedAt: now },
    });
    await recordAudit(tx, actor, {
      action: "model.promotion_request",
      target: `model:${name}`,
      details: { alias, version, note, request: request.id },
    });
    return request.id;
  });
}

export async function listPromotions(name: string, status?: PromotionOut["status"]): Promise<PromotionOut[]> {
  const model = await getModelRowOrThrow(name);
  const rows = await db.modelPromotionRequest.findMany({
    where: { modelId: model.id, status },
    orderBy: { requestedAt: "desc" },
    take: 200,
  });
  return rows.map(toPromotionOut);
}

export async function getPromotion(name: string, id: string): Promise<PromotionOut> {
  const model = await getModelRowOrThrow(name);
  const row = await db.modelPromotionRequest.findFirst({ where: { id, modelId: model.id } });
  if (!row) throw new AppError("not_found", `Model ${name} has no promotion request ${id}`);
  return toPromotionOut(row);
}

/**
 * Approves a pending request: the alias moves in the same transaction, its
 * ledger row naming the requester and the approver. The approver must be
 * another person holding models.promote.
 */
export async function approvePromotion(name: string, id: string, note: string | undefined, actor: Principal) {
  const model = await getModelRowOrThrow(name);
  if (!can(actor.role, "models.promote"))
    throw new AppError(
      "forbidden",
      `Approving a promotion needs the ${permissions["models.promote"]} role; you are ${actor.role}`,
    );
  await db.$transaction(async (tx) => {
    // Lock order as everywhere in the registry: the model row, then its other
    // rows, the audit rows last (the chain's lock is held until commit).
    await lockModel(tx, model.id);
    const request = await tx.modelPromotionRequest.findFirst({ where: { id, modelId: model.id } });
    if (!request) throw new AppError("not_found", `Model ${name} has no promotion request ${id}`);
    if (request.status !== "pending") throw new AppError("conflict", `The request is ${request.status}, not pending`);
    if (request.requestedBy === actorOf(actor))
      throw new AppError("forbidden", "A second admin must approve this promotion: you requested it");
    await tx.modelPromotionRequest.update({
      where: { id },
      data: { status: "approved", decidedBy: actorOf(actor), decidedAt: new Date(), decisionNote: note ?? null },
    });
    await applyMove(
      tx,
      { modelId: model.id, name, alias: request.alias, version: request.version, note: request.note },
      { actor: request.requestedBy, approvedBy: actorOf(actor), requestId: request.id },
      actor,
    );
    await recordAudit(tx, actor, {
      action: "model.promotion_approve",
      target: `model:${name}`,
      details: { alias: request.alias, version: request.version, request: id, note: note ?? null },
    });
  });
  return getPromotion(name, id);
}

/** Rejects a pending request (another admin), or withdraws it (its requester). */
export async function rejectPromotion(name: string, id: string, note: string | undefined, actor: Principal) {
  const model = await getModelRowOrThrow(name);
  await db.$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const request = await tx.modelPromotionRequest.findFirst({ where: { id, modelId: model.id } });
    if (!request) throw new AppError("not_found", `Model ${name} has no promotion request ${id}`);
    if (request.status !== "pending") throw new AppError("conflict", `The request is ${request.status}, not pending`);
    const isWithdrawal = request.requestedBy === actorOf(actor);
    if (!isWithdrawal && !can(actor.role, "models.promote"))
      throw new AppError(
        "forbidden",
        `Rejecting a promotion needs the ${permissions["models.promote"]} role; you are ${actor.role}`,
      );
    const status = isWithdrawal ? "withdrawn" : "rejected";
    await tx.modelPromotionRequest.update({
      where: { id },
      data: { status, decidedBy: actorOf(actor), decidedAt: new Date(), decisionNote: note ?? null },
    });
    await recordAudit(tx, actor, {
      action: isWithdrawal ? "model.promotion_withdraw" : "model.promotion_reject",
      target: `model:${name}`,
      details: { alias: request.alias, version: request.version, request: id, note: note ?? null },
    });
  });
  return getPromotion(name, id);
}
