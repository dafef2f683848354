/**
 * Registering model versions: numbers per name given out under a row lock,
 * so concurrent registrations for one name get distinct increasing numbers;
 * one version per job (a unique key), written in the caller's transaction.
 */
import { db, DbNull, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { systemPrincipal, type Principal } from "../auth/principal";
import { logger } from "../observability/logger";
import { draftTrainedVersion, type VersionDraft } from "./trained-version";

export type RegisteredVersion = { id: string; name: string; version: number };

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Writes `draft` as the next version of its model (created on first use).
 * Call inside the transaction that makes the version real (the job's finish),
 * so the job never succeeds without its version, nor the other way round.
 */
export async function registerVersion(
  tx: Tx,
  draft: VersionDraft,
  actor: Principal = systemPrincipal,
): Promise<RegisteredVersion> {
  await tx.$executeRaw`
    INSERT INTO "RegisteredModel" ("name", "createdBy") VALUES (${draft.modelName}, ${draft.createdBy})
    ON CONFLICT ("name") DO NOTHING`;
  // The UPDATE takes the model row's lock until commit: a concurrent registration
  // for the same name waits here and then reads the number this one gave out.
  const [model] = await tx.$queryRaw<{ id: string; lastVersion: number }[]>`
    UPDATE "RegisteredModel" SET "lastVersion" = "lastVersion" + 1, "updatedAt" = now()
    WHERE "name" = ${draft.modelName} RETURNING "id", "lastVersion"`;
  const version = model!.lastVersion;
  await tx.modelArtifact.updateMany({
    where: { id: draft.artifactId, sha256: null },
    data: { sha256: draft.artifactSha256 },
  });
  const row = await tx.modelVersion.create({
    data: {
      modelId: model!.id,
      version,
      source: draft.source,
      artifactId: draft.artifactId,
      jobId: draft.jobId,
      runId: draft.runId,
      datasetVersionId: draft.datasetVersionId,
      signature: json(draft.signature),
      lineage: json(draft.lineage),
      metrics: json(draft.metrics),
      verdictKind: draft.metrics.verdict?.kind ?? null,
      accuracy: draft.metrics.evaluation?.accuracy ?? null,
      f1: draft.metrics.evaluation?.f1 ?? null,
      energy: json(draft.energy),
      energyKwh: draft.energy.kwh,
      driftBaseline: draft.driftBaseline === null ? DbNull : json(draft.driftBaseline),
      description: draft.description ?? null,
      tags: draft.tags ?? [],
      createdBy: draft.createdBy,
    },
  });
  const dataset = draft.lineage.dataset;
  await recordAudit(tx, actor, {
    action: "model.version_register",
    target: `model:${draft.modelName}/${version}`,
    details: json({
      source: draft.source,
      job: draft.jobId,
      dataset: dataset ? `${dataset.name}@${dataset.version}` : null,
      sha256: draft.artifactSha256,
      verdict: draft.metrics.verdict?.kind ?? null,
      submittedBy: draft.createdBy,
    }),
  });
  return { id: row.id, name: draft.modelName, version };
}

/** The version a job registered, if any. */
export async function versionOfJob(jobId: string): Promise<RegisteredVersion | null> {
  const v = await db.modelVersion.findUnique({
    where: { jobId },
    select: { id: true, version: true, model: { select: { name: true } } },
  });
  return v ? { id: v.id, name: v.model.name, version: v.version } : null;
}

/**
 * Registers the versions of succeeded training jobs that have none: jobs that
 * finished before the registry existed. (A job finishing now registers in its
 * own finishing transaction.) Workers run this at start and now and then; two
 * at once cannot both register a job (its version's job id is unique).
 */
export async function registerMissingVersions(limit = 20): Promise<RegisteredVersion[]> {
  const jobs = await db.$queryRaw<{ id: string }[]>`
    SELECT j."id" FROM "Job" j
    JOIN "ModelArtifact" a ON a."runId" = j."runId"
    WHERE j."type" = 'train' AND j."status" = 'succeeded'
      AND NOT EXISTS (SELECT 1 FROM "ModelVersion" v WHERE v."jobId" = j."id")
    ORDER BY j."finishedAt" NULLS LAST, j."seq" LIMIT ${limit}`;
  const registered: RegisteredVersion[] = [];
  for (const { id } of jobs) {
    const draft = await draftTrainedVersion(id);
    try {
      registered.push(await db.$transaction((tx) => registerVersion(tx, draft)));
    } catch (err) {
      if ((err as { code?: string }).code === "P2002") continue; // another worker registered it first
      throw err;
    }
  }
  if (registered.length)
    logger.info({ registered }, "registered model versions of jobs that finished before the registry");
  return registered;
}
