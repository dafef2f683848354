/**
 * The one place lib/jobs calls the training engine (lib/training/execute-run.ts).
 * Worker-side only: executeTrainingRun starts a TF.js thread.
 */
import { db } from "../../db";
import type { Job } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { createTrainingRun, executeTrainingRun, type TrainingOutcome } from "../../training/execute-run";
import type { EpochMetrics } from "../../training/schemas";
import { StoredJobSpec } from "../schemas";

export type { TrainingOutcome };

/**
 * The job's TrainingRun: created at the job's first claim and linked to it;
 * every later attempt (crash recovery, retry) reuses it, so the engine resumes
 * from the run's newest checkpoint and the run ends with exactly one artifact.
 * Only the lease holder calls this, so no other worker links a second run.
 */
export async function ensureTrainingRun(job: Job): Promise<string> {
  if (job.runId) return job.runId;
  const spec = StoredJobSpec.parse(job.spec);
  if (spec.type !== "train") throw new AppError("unprocessable_entity", `Job ${job.id} is not a training job`);
  const run = await createTrainingRun({
    datasetVersionId: job.datasetVersionId,
    spec: spec.training,
    createdBy: job.createdBy,
  });
  await db.job.updateMany({ where: { id: job.id, runId: null }, data: { runId: run.id } });
  const linked = await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { runId: true } });
  return linked.runId!;
}

/**
 * Trains the job's run until it succeeds, fails or `signal` aborts it (the run
 * then ends "cancelled" at its last checkpoint, and a later call resumes it).
 * Throws only when the database fails; a training failure is an outcome.
 */
export async function trainJob(
  job: Job,
  signal: AbortSignal,
  onEpoch: (m: EpochMetrics, epochs: number) => void,
): Promise<TrainingOutcome> {
  const runId = await ensureTrainingRun(job);
  return executeTrainingRun(runId, { signal, onEpoch: (p) => onEpoch(p.metrics, p.epochs) });
}
