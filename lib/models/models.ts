/**
 * Registered models as a whole: the list (each with its latest version and
 * aliases), one model with its policies and pending promotions, and its
 * description and tags.
 */
import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import type { ModelAliasPolicy, RegisteredModel } from "../generated/prisma/client";
import { decodeCursor, toPage, type Page } from "../pagination";
import { listAliasPolicies } from "./aliases";
import type { AliasOut, ModelOut, ModelSummaryOut } from "./outputs";
import { toPromotionOut } from "./promotions";
import type { ListModelsQuery, UpdateModelInput } from "./schemas";
import { policyOf, toVersionSummary } from "./version-views";
import { getModelRowOrThrow } from "./versions";

const Cursor = z.object({ name: z.string() });

/** Summaries of `models`, read in a handful of queries whatever their number. */
async function summarise(models: RegisteredModel[]): Promise<ModelSummaryOut[]> {
  const ids = models.map((m) => m.id);
  const [latest, counts, aliases, policies] = await Promise.all([
    db.modelVersion.findMany({
      where: { modelId: { in: ids }, archivedAt: null },
      orderBy: [{ modelId: "asc" }, { version: "desc" }],
      distinct: ["modelId"],
      include: { aliases: { select: { alias: true } }, model: { select: { name: true } } },
    }),
    db.modelVersion.groupBy({ by: ["modelId"], where: { modelId: { in: ids }, archivedAt: null }, _count: true }),
    db.modelAlias.findMany({
      where: { modelId: { in: ids } },
      include: { version: { select: { version: true } } },
      orderBy: { alias: "asc" },
    }),
    db.modelAliasPolicy.findMany({ where: { modelId: { in: ids } } }),
  ]);
  return models.map((m) => {
    const own = policies.filter((p) => p.modelId === m.id);
    const newest = latest.find((v) => v.modelId === m.id);
    return {
      name: m.name,
      description: m.description,
      tags: m.tags,
      createdAt: m.createdAt.toISOString(),
      versions: counts.find((c) => c.modelId === m.id)?._count ?? 0,
      latest: newest ? toVersionSummary(newest, own) : null,
      aliases: aliases.filter((a) => a.modelId === m.id).map((a) => toAliasOut(a, own)),
    };
  });
}

function toAliasOut(
  a: { alias: string; movedBy: string; movedAt: Date; version: { version: number } },
  policies: ModelAliasPolicy[],
): AliasOut {
  const policy = policyOf(policies, a.alias);
  return {
    alias: a.alias,
    version: a.version.version,
    isProtected: policy.isProtected,
    requiresApproval: policy.requiresApproval,
    movedBy: a.movedBy,
    movedAt: a.movedAt.toISOString(),
  };
}

/** Models by name. */
export async function listModels(q: ListModelsQuery): Promise<Page<ModelSummaryOut>> {
  const rows = await db.registeredModel.findMany({
    where: {
      AND: [
        q.q ? { name: { contains: q.q, mode: "insensitive" as const } } : {},
        q.cursor ? { name: { gt: decodeCursor(q.cursor, Cursor).name } } : {},
      ],
    },
    orderBy: { name: "asc" },
    take: q.limit + 1,
  });
  const page = toPage(
    rows,
    q.limit,
    (r) => ({ name: r.name }),
    (r) => r,
  );
  return { items: await summarise(page.items), nextCursor: page.nextCursor };
}

/** One model: its latest version, aliases, alias policies and pending promotions. */
export async function getModel(name: string): Promise<ModelOut> {
  const model = await getModelRowOrThrow(name);
  const [[summary], archived, pending] = await Promise.all([
    summarise([model]),
    db.modelVersion.count({ where: { modelId: model.id, archivedAt: { not: null } } }),
    db.modelPromotionRequest.findMany({
      where: { modelId: model.id, status: "pending" },
      orderBy: { requestedAt: "desc" },
    }),
  ]);
  return {
    ...summary!,
    createdBy: model.createdBy,
    archivedVersions: archived,
    policies: await listAliasPolicies(
      model.id,
      summary!.aliases.map((a) => a.alias),
    ),
    pendingPromotions: pending.map(toPromotionOut),
  };
}

/** Description and tags (audited). */
export async function updateModel(name: string, input: UpdateModelInput, actor: Principal): Promise<ModelOut> {
  const model = await getModelRowOrThrow(name);
  await db.$transaction(async (tx) => {
    await tx.registeredModel.update({
      where: { id: model.id },
      data: {
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
      },
    });
    await recordAudit(tx, actor, { action: "model.update", target: `model:${name}`, details: input });
  });
  return getModel(name);
}
