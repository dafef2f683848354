import { db, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import { nextCronRun } from "./schedules/cron";
import { resolveDatasetRef } from "./dataset-ref";
import { appendJobLog } from "./logs";
import type { CreateJobInput, CreatedJobOut, EvaluateJobInput, StoredJobSpec, TrainJobInput } from "./schemas";
import { resolveTrainingSpec } from "./templates";
import { resolveAlias } from "../models/aliases";
import { getVersionRowOrThrow } from "../models/versions";

/** A job ready to insert: spec resolved, placement request and quota holder known. */
export type ResolvedJob = {
  spec: StoredJobSpec;
  priority: TrainJobInput["priority"];
  team: string;
  gpus: number;
  gpuModel: string | null;
  minMemoryMiB: number | null;
  sourceRunId: string | null;
  /** Evaluation jobs: the registered version evaluated (its results attach to it). */
  modelVersionId: string | null;
};

async function resolveTrain(input: TrainJobInput, team: string): Promise<ResolvedJob> {
  const { training, datasetRef } = await resolveTrainingSpec(input);
  const dataset = await resolveDatasetRef(datasetRef);
  return {
    spec: {
      type: "train",
      dataset: dataset.label,
      datasetVersionId: dataset.datasetVersionId,
      modelName: input.modelName ?? null,
      template: input.template ?? null,
      training,
    },
    priority: input.priority,
    team,
    gpus: input.gpus,
    gpuModel: input.gpuModel ?? null,
    minMemoryMiB: input.minMemoryMiB ?? null,
    sourceRunId: null,
    modelVersionId: null,
  };
}

async function sourceRunOf(input: EvaluateJobInput): Promise<string> {
  if (input.run) {
    if (!(await db.trainingRun.findUnique({ where: { id: input.run }, select: { id: true } })))
      throw new AppError("not_found", `Training run ${input.run} does not exist`);
    return input.run;
  }
  const job = await db.job.findUnique({ where: { id: input.job! }, select: { type: true, runId: true, status: true } });
  if (!job) throw new AppError("not_found", `Job ${input.job} does not exist`);
  if (job.type !== "train")
    throw new AppError("unprocessable_entity", `Job ${input.job} is an evaluation job; evaluate a training job or run`);
  if (!job.runId)
    throw new AppError(
      "conflict",
      `Job ${input.job} has not started training yet (${job.status}); there is no model to evaluate`,
    );
  return job.runId;
}

type EvaluatedVersion = { id: string; runId: string | null; name: string; version: number; alias: string | null };

/** The version to evaluate: named (by number or alias, resolved now), or the one the run registered. */
async function evaluatedVersionOf(input: EvaluateJobInput, runId: string | null): Promise<EvaluatedVersion | null> {
  const select = { id: true, runId: true, version: true, model: { select: { name: true } } } as const;
  if (input.model) {
    const { name, alias } = input.model;
    const number = input.model.version ?? (await resolveAlias(name, alias!));
    const { row } = await getVersionRowOrThrow(name, number);
    return { id: row.id, runId: row.runId, name, version: number, alias: alias ?? null };
  }
  const v = runId ? await db.modelVersion.findUnique({ where: { runId }, select }) : null;
  return v ? { id: v.id, runId: v.runId, name: v.model.name, version: v.version, alias: null } : null;
}

async function resolveEvaluate(input: EvaluateJobInput, team: string): Promise<ResolvedJob> {
  const runId = input.model ? null : await sourceRunOf(input);
  const version = await evaluatedVersionOf(input, runId);
  const sourceRunId = version ? version.runId : runId;
  const dataset = await resolveDatasetRef(input.dataset);
  return {
    spec: {
      type: "evaluate",
      dataset: dataset.label,
      datasetVersionId: dataset.datasetVersionId,
      sourceRunId,
      model: version ? { name: version.name, version: version.version, alias: version.alias } : null,
    },
    priority: input.priority,
    team,
    gpus: input.gpus,
    gpuModel: input.gpuModel ?? null,
    minMemoryMiB: input.minMemoryMiB ?? null,
    sourceRunId,
    modelVersionId: version?.id ?? null,
  };
}

/** Validates and resolves a job body (dataset, template, source run); nothing is written. */
export async function resolveJob(input: CreateJobInput, defaultTeam: string): Promise<ResolvedJob> {
  const team = input.team ?? defaultTeam;
  return input.type === "train" ? resolveTrain(input, team) : resolveEvaluate(input, team);
}

/** Who a job comes from: a person or token, or a schedule (created by someone, fired by the system). */
export type JobOrigin = { actor: Principal; scheduleId?: string; createdBy?: string };

/** Inserts a queued job with its first log line and audit event, in the caller's transaction. */
export async function insertJob(tx: Tx, job: ResolvedJob, origin: JobOrigin): Promise<string> {
  const createdBy = origin.createdBy ?? actorOf(origin.actor);
  const scheduleId = origin.scheduleId ?? null;
  const row = await tx.job.create({
    data: {
      type: job.spec.type,
      priority: job.priority,
      team: job.team,
      spec: job.spec as Prisma.InputJsonValue,
      gpus: job.gpus,
      gpuModel: job.gpuModel,
      minMemoryMiB: job.minMemoryMiB,
      datasetVersionId: job.spec.datasetVersionId,
      sourceRunId: job.sourceRunId,
      modelVersionId: job.modelVersionId,
      scheduleId,
      createdBy,
    },
    select: { id: true },
  });
  const by = scheduleId ? `schedule ${scheduleId}` : createdBy;
  await appendJobLog(
    tx,
    row.id,
    "info",
    `submitted by ${by}: ${job.spec.type} on ${job.spec.dataset}, ${job.gpus} GPU${job.gpus === 1 ? "" : "s"}, priority ${job.priority}, team ${job.team}`,
  );
  await recordAudit(tx, origin.actor, {
    action: "job.create",
    target: `job:${row.id}`,
    details: {
      type: job.spec.type,
      dataset: job.spec.dataset,
      ...(job.spec.type === "evaluate" && job.spec.model
        ? { model: `${job.spec.model.name}@${job.spec.model.version}` }
        : {}),
      gpus: job.gpus,
      priority: job.priority,
      team: job.team,
      scheduleId,
    },
  });
  return row.id;
}

async function createSchedule(input: TrainJobInput, actor: Principal): Promise<CreatedJobOut> {
  const { schedule, ...spec } = input;
  // Resolve now so a bad dataset or template is a 422/404 today, not a failed firing tonight.
  await resolveJob(spec, actor.name);
  const nextRunAt = nextCronRun(schedule!.cron, schedule!.timezone, new Date());
  if (!nextRunAt) throw new AppError("unprocessable_entity", `${schedule!.cron} never fires`);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.jobSchedule.create({
      data: {
        cron: schedule!.cron,
        timezone: schedule!.timezone,
        spec: spec as Prisma.InputJsonValue,
        team: input.team ?? actor.name,
        nextRunAt,
        createdBy: actorOf(actor),
      },
    });
    await recordAudit(tx, actor, {
      action: "job.schedule_create",
      target: `schedule:${created.id}`,
      details: { cron: created.cron, timezone: created.timezone, spec: spec as Prisma.InputJsonValue },
    });
    return created;
  });
  return {
    id: row.id,
    status: "scheduled",
    schedule: { id: row.id, cron: row.cron, timezone: row.timezone, nextRunAt: row.nextRunAt.toISOString() },
  };
}

/**
 * POST /api/v1/jobs: queues the job (the scheduler in a worker places it), or,
 * with `schedule`, creates a schedule that submits it at every cron time.
 * Nothing is written when the body, its dataset or its source run is bad.
 */
export async function submitJob(input: CreateJobInput, actor: Principal): Promise<CreatedJobOut> {
  if (input.type === "train" && input.schedule) return createSchedule(input, actor);
  const job = await resolveJob(input, actor.name);
  const id = await db.$transaction((tx) => insertJob(tx, job, { actor }));
  return { id, status: "queued" };
}
