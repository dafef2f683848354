/**
 * Model versions: reading them (one, a model's list, those trained on a
 * dataset version) and the few things that may change about them — their
 * description, tags, and whether they are archived. Weights, lineage and
 * figures never change.
 */
import { z } from "zod";
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { toEvaluation, verdictOfResult } from "../jobs/job-results";
import { decodeCursor, toPage, type Page } from "../pagination";
import type { DatasetModelsOut, ModelVersionOut, ModelVersionSummaryOut } from "./outputs";
import type { ListVersionsQuery, UpdateVersionInput } from "./schemas";
import { policyOf, readEnergy, readLineage, readMetrics, toVersionSummary } from "./version-views";

const withAliases = { aliases: { select: { alias: true } }, model: { select: { name: true } } } as const;

export async function getModelRowOrThrow(name: string) {
  const model = await db.registeredModel.findUnique({ where: { name } });
  if (!model) throw new AppError("not_found", `Model ${name} does not exist`);
  return model;
}

export async function policiesOf(modelId: string) {
  return db.modelAliasPolicy.findMany({ where: { modelId } });
}

/** The version row, or 404 naming what is missing. */
export async function getVersionRowOrThrow(name: string, version: number) {
  const model = await getModelRowOrThrow(name);
  const row = await db.modelVersion.findUnique({
    where: { modelId_version: { modelId: model.id, version } },
    include: { ...withAliases, artifact: { select: { sha256: true, weights: true } } },
  });
  if (!row)
    throw new AppError("not_found", `Model ${name} has no version ${version} (its latest is ${model.lastVersion})`);
  return { model, row };
}

/** One version with its lineage, figures, energy, artifact hash and the evaluations run on it. */
export async function getVersion(name: string, version: number): Promise<ModelVersionOut> {
  const { model, row } = await getVersionRowOrThrow(name, version);
  const [policies, evaluations] = await Promise.all([policiesOf(model.id), evaluationsOf(row.id)]);
  const lineage = readLineage(row.lineage);
  return {
    ...toVersionSummary(row, policies),
    id: row.id,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    archivedBy: row.archivedBy,
    artifact: { sha256: row.artifact.sha256 ?? "", weightsBytes: row.artifact.weights.length, format: "tfjs-layers" },
    signature: row.signature as ModelVersionOut["signature"],
    lineage: { ...lineage, datasetHash: lineage.dataset?.contentHash ?? null },
    metrics: readMetrics(row.metrics),
    energy: readEnergy(row.energy),
    evaluations,
  };
}

async function evaluationsOf(versionId: string): Promise<ModelVersionOut["evaluations"]> {
  const jobs = await db.job.findMany({
    where: { modelVersionId: versionId, type: "evaluate", status: "succeeded" },
    orderBy: { finishedAt: "desc" },
    take: 50,
  });
  return jobs.flatMap((j) => {
    const dataset = (j.spec as { dataset?: string }).dataset ?? "?";
    const e = toEvaluation(j.result, { dataset });
    if (!e) return [];
    const verdict = verdictOfResult(j.result);
    return [
      {
        jobId: j.id,
        dataset,
        finishedAt: j.finishedAt?.toISOString() ?? null,
        accuracy: e.accuracy,
        f1: e.f1,
        samples: e.samples,
        verdict: verdict ? { kind: verdict.kind, summary: verdict.summary, summaryCode: verdict.summaryCode } : null,
      },
    ];
  });
}

const OffsetCursor = z.object({ o: z.number().int().min(0) });

const orderOf = (q: ListVersionsQuery): Prisma.ModelVersionOrderByWithRelationInput[] => {
  const column = { version: "version", created: "createdAt", accuracy: "accuracy", f1: "f1", energy: "energyKwh" }[
    q.sort
  ];
  // Versions without the figure go last whichever way the list is sorted.
  const first =
    q.sort === "version" || q.sort === "created"
      ? { [column]: q.order }
      : { [column]: { sort: q.order, nulls: "last" as const } };
  return [first, { version: "desc" }];
};

/** A model's versions, newest first unless sorted by a figure; archived ones only when asked. */
export async function listVersions(name: string, q: ListVersionsQuery): Promise<Page<ModelVersionSummaryOut>> {
  const model = await getModelRowOrThrow(name);
  const offset = q.cursor ? decodeCursor(q.cursor, OffsetCursor).o : 0;
  const archivedAt = { exclude: null, include: undefined, only: { not: null } }[q.archived];
  const [rows, policies] = await Promise.all([
    db.modelVersion.findMany({
      where: { modelId: model.id, archivedAt },
      orderBy: orderOf(q),
      skip: offset,
      take: q.limit + 1,
      include: withAliases,
    }),
    policiesOf(model.id),
  ]);
  let index = offset;
  return toPage(
    rows.map((r) => ({ r, o: ++index })),
    q.limit,
    ({ o }) => ({ o }),
    ({ r }) => toVersionSummary(r, policies),
  );
}

/** Every version trained on a dataset version, archived ones too: what a data recall must look at. */
export async function listVersionsTrainedOn(dataset: string, version: number): Promise<DatasetModelsOut> {
  const dv = await db.datasetVersion.findFirst({
    where: { dataset: { name: dataset }, version },
    select: { id: true },
  });
  if (!dv) throw new AppError("not_found", `Dataset ${dataset} has no version ${version}`);
  const rows = await db.modelVersion.findMany({
    where: { datasetVersionId: dv.id },
    orderBy: [{ createdAt: "desc" }],
    include: withAliases,
  });
  const policies = await db.modelAliasPolicy.findMany({ where: { modelId: { in: rows.map((r) => r.modelId) } } });
  const versions = rows.map((r) =>
    toVersionSummary(
      r,
      policies.filter((p) => p.modelId === r.modelId),
    ),
  );
  return {
    dataset: `${dataset}@${version}`,
    versions,
    protectedCount: versions.filter((v) => v.aliases.some((a) => a.isProtected)).length,
  };
}

/** Description, tags, archive or restore; each change audited. An aliased version cannot be archived. */
export async function updateVersion(
  name: string,
  version: number,
  input: UpdateVersionInput,
  actor: Principal,
): Promise<ModelVersionOut> {
  const { row } = await getVersionRowOrThrow(name, version);
  if (input.archived === true && row.archivedAt === null && row.aliases.length) {
    const aliases = row.aliases
      .map((a) => a.alias)
      .sort()
      .join(", ");
    throw new AppError(
      "conflict",
      `${name} version ${version} holds the alias${row.aliases.length > 1 ? "es" : ""} ${aliases}; move ${row.aliases.length > 1 ? "them" : "it"} to another version before archiving`,
      { aliases: row.aliases.map((a) => a.alias) },
    );
  }
  if (input.archived === true && row.archivedAt === null) {
    const serving = await db.deployment.findMany({
      where: { OR: [{ stableVersionId: row.id }, { canaryVersionId: row.id }, { approvedVersionId: row.id }] },
      select: { name: true },
    });
    if (serving.length)
      throw new AppError(
        "conflict",
        `${name} version ${version} is deployed (${serving.map((d) => d.name).join(", ")}); deploy another version before archiving it`,
        { deployments: serving.map((d) => d.name) },
      );
  }
  await db.$transaction(async (tx) => {
    const data: Prisma.ModelVersionUpdateInput = {};
    if (input.description !== undefined) data.description = input.description;
    if (input.tags !== undefined) data.tags = input.tags;
    if (input.archived !== undefined && input.archived !== (row.archivedAt !== null)) {
      data.archivedAt = input.archived ? new Date() : null;
      data.archivedBy = input.archived ? actorName(actor) : null;
    }
    await tx.modelVersion.update({ where: { id: row.id }, data });
    const action =
      input.archived === true
        ? "model.version_archive"
        : input.archived === false
          ? "model.version_restore"
          : "model.version_update";
    await recordAudit(tx, actor, { action, target: `model:${name}/${version}`, details: input });
  });
  return getVersion(name, version);
}

const actorName = (p: Principal) => (p.kind === "system" ? "system" : `${p.kind}:${p.name}`);

export { policyOf };
