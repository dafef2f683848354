/**
 * The promotion ledger read back: every move of an alias, newest first, and
 * which version held it at any past instant — who put it there, when, why.
 */
import { z } from "zod";
import { db } from "../db";
import type { ModelAliasMove } from "../generated/prisma/client";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { AliasAtOut, AliasMoveOut } from "./outputs";
import type { AliasHistoryQuery } from "./schemas";
import { getModelRowOrThrow } from "./versions";

export function toMoveOut(m: ModelAliasMove): AliasMoveOut {
  return {
    id: m.id.toString(),
    alias: m.alias,
    fromVersion: m.fromVersion,
    toVersion: m.toVersion,
    actor: m.actor,
    note: m.note,
    approvedBy: m.approvedBy,
    requestId: m.requestId,
    at: m.at.toISOString(),
  };
}

const Cursor = z.object({ id: z.string().regex(/^\d+$/) });

/** The alias's moves, newest first. */
export async function listAliasMoves(name: string, alias: string, q: AliasHistoryQuery): Promise<Page<AliasMoveOut>> {
  const model = await getModelRowOrThrow(name);
  const rows = await db.modelAliasMove.findMany({
    where: {
      modelId: model.id,
      alias,
      ...(q.cursor ? { id: { lt: BigInt(decodeCursor(q.cursor, Cursor).id) } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  return toPage(rows, q.limit, (r) => ({ id: r.id.toString() }), toMoveOut);
}

/** Every alias name the model's ledger knows, removed ones too, by name. */
export async function listLedgerAliases(name: string): Promise<string[]> {
  const model = await getModelRowOrThrow(name);
  const rows = await db.modelAliasMove.findMany({
    where: { modelId: model.id },
    distinct: ["alias"],
    select: { alias: true },
    orderBy: { alias: "asc" },
  });
  return rows.map((r) => r.alias);
}

/**
 * The version that held the alias at `at`: the last move at or before it (a
 * removal answers null), or null when the alias did not exist yet. Ledger
 * times are taken under the model's lock, so their order is commit order.
 */
export async function aliasAt(name: string, alias: string, at: Date): Promise<AliasAtOut> {
  const model = await getModelRowOrThrow(name);
  const move = await db.modelAliasMove.findFirst({
    where: { modelId: model.id, alias, at: { lte: at } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  return {
    alias,
    at: at.toISOString(),
    version: move?.toVersion ?? null,
    move: move ? toMoveOut(move) : null,
  };
}
