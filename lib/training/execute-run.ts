/**
 * Executing a training run: the database side (main thread of the worker
 * process) around the training thread. See executeTrainingRun.
 */
import type { Prisma } from "../db";
import { db } from "../db";
import { decodeCleaned } from "../datasets/cleaned-dataset";
import { prepareTrainingData } from "../datasets/prepare";
import type { PreparedData } from "../datasets/prepared";
import { getConfig } from "../config";
import { getPool } from "../database/pool";
import { AppError } from "../errors";
import { logger } from "../observability/logger";
import { recordTrainingBackend } from "./backend/backend-status";
import type { BackendReport } from "./backend/backend-order";
import { judgeTraining, type RunEvaluation } from "./judge/outcome";
import { toRunView } from "./run-records";
import { TrainingSpec, type BackendName, type Convergence, type EpochMetrics, type Verdict } from "./schemas";
import { runTrainingThread } from "./thread/thread-client";
import type { ThreadResult } from "./thread/thread-protocol";
import type { Checkpoint, EngineState } from "./engine/train";
import { toTrainingData, type EvaluationSplit, type TrainingData } from "./engine/training-data";

export { createTrainingRun, getTrainingRunOrThrow, requestTrainingRunCancel } from "./run-records";

export type { EvaluationSplit };

export type TrainingOutcome = {
  runId: string;
  status: "succeeded" | "failed" | "cancelled";
  /** Epochs completed and stored. */
  epoch: number;
  epochs: number;
  history: EpochMetrics[];
  evaluation: RunEvaluation | null;
  convergence: Convergence | null;
  /** Whether the kept model is any good (lib/training/judge/verdict.ts); null unless succeeded (or finished before verdicts). */
  verdict: Verdict | null;
  error: string | null;
  backend: string | null;
  /** The checkpoint epoch this execution continued from; null when it started fresh or did not train. */
  resumedFromEpoch: number | null;
};

export type ExecuteOptions = {
  /** Aborting stops training within a batch or two; the run ends "cancelled" at its last stored checkpoint. */
  signal?: AbortSignal;
  /** Every finished epoch as the thread reports it (not awaited; keep it cheap). */
  onEpoch?: (progress: { runId: string; epoch: number; epochs: number; metrics: EpochMetrics }) => void;
  /** After a checkpoint and the run's epoch/history are committed. */
  onCheckpoint?: (progress: { runId: string; epoch: number; epochs: number }) => void;
  /** Tries this TF.js backend first instead of TFJS_BACKEND. */
  backend?: BackendName;
};

/** Checkpoints kept per run: the newest and the one before (in case the newest was cut short). */
const KEEP_CHECKPOINTS = 2;

/**
 * Trains a TrainingRun to the end and records the result. The contract the job
 * queue relies on:
 *
 * - **Idempotent.** A succeeded run is returned as stored, not retrained. A
 *   pending, running (its executor died), failed or cancelled run is (re)started
 *   from its newest checkpoint, if it has one: weights, optimizer, PRNG,
 *   schedule and early stopping continue exactly. The caller (the queue) ensures
 *   one executor per run at a time.
 * - **Writes.** status running (+startedAt once); after each checkpoint one short
 *   transaction: run.epoch + run.history, the TrainingCheckpoint row, and
 *   deletion of all but the newest 2 (under a slow database, epochs in between
 *   are skipped rather than queued). The TF.js backend on run.backend and in
 *   Setting "training.backend" (read by /api/health). At the end, in one
 *   transaction: the ModelArtifact (topology, weights, preprocessing) and
 *   status succeeded with history, evaluation (on the test split; validation or
 *   train when it is empty, see evaluation.split), the convergence judgement
 *   and the verdict (good / not_converged / overfitting / worse_than_baseline,
 *   with baselines scored on the same split).
 * - **Cancel.** `signal` aborts → the thread stops between batches, the run
 *   is marked cancelled at its last stored epoch. Another process can call
 *   requestTrainingRunCancel: the next checkpoint write sees it and stops too.
 * - **Errors.** A training failure (bad data, a thread crash) marks the run
 *   failed with its message and returns that outcome; this function throws only
 *   when the run does not exist (AppError not_found) or the database fails.
 * - **Thread.** Training runs in a node:worker_threads thread started from
 *   lib/training/thread/thread-entry.mjs (which registers tsx for the TypeScript body),
 *   so the calling thread stays responsive. Never call this in the web server.
 */
export async function executeTrainingRun(runId: string, options: ExecuteOptions = {}): Promise<TrainingOutcome> {
  const row = await db.trainingRun.findUnique({ where: { id: runId } });
  if (!row) throw new AppError("not_found", `Training run ${runId} does not exist`);
  if (row.status === "succeeded") return outcomeOf(toRunView(row), null);

  await db.trainingRun.update({
    where: { id: runId },
    data: { status: "running", startedAt: row.startedAt ?? new Date(), finishedAt: null, error: null },
  });
  let resumedFromEpoch: number | null = null;
  try {
    const spec = TrainingSpec.parse(row.spec);
    const { prepared, data } = await loadPreparedData(row.datasetVersionId, spec);
    const resumeFrom = await loadNewestCheckpoint(runId);
    resumedFromEpoch = resumeFrom?.epoch ?? null;
    if (resumeFrom) logger.info({ runId, epoch: resumeFrom.epoch }, "training run resumes from its checkpoint");

    const result = await runTrainingThread(
      { spec, data, resumeFrom, preferredBackend: options.backend ?? getConfig().TFJS_BACKEND },
      {
        onBackend: (report) => void noteBackend(runId, report),
        onEpoch: (metrics) => options.onEpoch?.({ runId, epoch: metrics.epoch, epochs: spec.epochs, metrics }),
        onCheckpoint: async (checkpoint) => {
          await storeCheckpoint(runId, checkpoint);
          options.onCheckpoint?.({ runId, epoch: checkpoint.epoch, epochs: spec.epochs });
        },
      },
      options.signal,
    );
    await backendNoted.get(runId);
    if (result.status === "cancelled") return await finishCancelled(runId, resumedFromEpoch);
    return await finishSucceeded(runId, spec, prepared, data, result, resumedFromEpoch);
  } catch (err) {
    if (err instanceof RunNotRunning) return await finishCancelled(runId, resumedFromEpoch);
    const message = err instanceof Error ? err.message : String(err);
    logger.error({ runId, err }, "training run failed");
    const failed = await db.trainingRun.update({
      where: { id: runId },
      data: { status: "failed", error: message.slice(0, 2000), finishedAt: new Date() },
    });
    return outcomeOf(toRunView(failed), resumedFromEpoch);
  }
}

// Prepared data of the last few (dataset version, seed, split) trained here.
// Versions never change once stored, and sweeps and scheduled retraining run
// many jobs on one version: decoding, splitting and fitting the preprocessing
// took ~70 ms of the worker's main thread per job of a 12k-row dataset. Small
// (entries are dropped oldest first) because a big dataset's arrays are big.
const PREPARED_CACHE_ENTRIES = 2;
const preparedCache = new Map<string, Promise<{ prepared: PreparedData; data: TrainingData }>>();

/** The one call into lib/datasets: the version's cleaned rows, split and preprocessed for this spec (shared: never mutate). */
function loadPreparedData(
  datasetVersionId: string,
  spec: TrainingSpec,
): Promise<{ prepared: PreparedData; data: TrainingData }> {
  const key = JSON.stringify([datasetVersionId, spec.seed, spec.split]);
  let entry = preparedCache.get(key);
  if (!entry) {
    entry = (async () => {
      const version = await db.datasetVersion.findUniqueOrThrow({
        where: { id: datasetVersionId },
        select: { cleaned: true },
      });
      const prepared = prepareTrainingData(decodeCleaned(version.cleaned), { seed: spec.seed, split: spec.split });
      return { prepared, data: toTrainingData(prepared) };
    })();
    entry.catch(() => preparedCache.delete(key));
  } else {
    preparedCache.delete(key); // re-inserted below as the newest
  }
  preparedCache.set(key, entry);
  while (preparedCache.size > PREPARED_CACHE_ENTRIES) preparedCache.delete(preparedCache.keys().next().value!);
  return entry;
}

async function loadNewestCheckpoint(runId: string): Promise<Checkpoint | null> {
  const cp = await db.trainingCheckpoint.findFirst({ where: { runId }, orderBy: { epoch: "desc" } });
  if (!cp) return null;
  return {
    epoch: cp.epoch,
    modelTopology: cp.modelTopology as object,
    weightSpecs: cp.weightSpecs as unknown as Checkpoint["weightSpecs"],
    weights: new Uint8Array(cp.weights),
    optimizerSpecs: (cp.optimizerSpecs ?? []) as unknown as Checkpoint["optimizerSpecs"],
    optimizer: new Uint8Array(cp.optimizer ?? new Uint8Array(0)),
    state: cp.state as unknown as EngineState,
  };
}

/** The run was cancelled (or otherwise taken over) by someone else while training. */
class RunNotRunning extends Error {}

const json = (value: unknown) => value as Prisma.InputJsonValue;

// One statement per checkpoint — the run's epoch and history, the checkpoint,
// and pruning to the newest KEEP_CHECKPOINTS — and only while the run is still
// running (a cancel in between makes it write nothing). Epochs of small models
// take a fraction of a second, and the interactive Prisma transaction this
// replaced (six round trips) cost the worker a tenth of a core beside training.
const STORE_CHECKPOINT_SQL = `
WITH run AS (
  UPDATE "TrainingRun" SET "epoch" = $2, "history" = $3::jsonb WHERE "id" = $1 AND "status" = 'running' RETURNING "id"
), cp AS (
  INSERT INTO "TrainingCheckpoint" ("runId", "epoch", "modelTopology", "weightSpecs", "weights", "optimizerSpecs", "optimizer", "state")
  SELECT "id", $2, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8, $9::jsonb FROM run
  ON CONFLICT ("runId", "epoch") DO UPDATE SET "modelTopology" = EXCLUDED."modelTopology", "weightSpecs" = EXCLUDED."weightSpecs",
    "weights" = EXCLUDED."weights", "optimizerSpecs" = EXCLUDED."optimizerSpecs", "optimizer" = EXCLUDED."optimizer", "state" = EXCLUDED."state"
), pruned AS (
  DELETE FROM "TrainingCheckpoint" WHERE "runId" = (SELECT "id" FROM run) AND "epoch" <> $2 AND "epoch" NOT IN (
    SELECT "epoch" FROM "TrainingCheckpoint" WHERE "runId" = $1 AND "epoch" <> $2 ORDER BY "epoch" DESC LIMIT ${KEEP_CHECKPOINTS - 1}
  )
)
SELECT count(*)::int AS n FROM run`;

const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

async function storeCheckpoint(runId: string, cp: Checkpoint): Promise<void> {
  const { rows } = await getPool().query<{ n: number }>(STORE_CHECKPOINT_SQL, [
    runId,
    cp.epoch,
    JSON.stringify(cp.state.history),
    JSON.stringify(cp.modelTopology),
    JSON.stringify(cp.weightSpecs),
    bytes(cp.weights),
    JSON.stringify(cp.optimizerSpecs),
    bytes(cp.optimizer),
    JSON.stringify(cp.state),
  ]);
  if (rows[0]!.n === 0) throw new RunNotRunning(`training run ${runId} is no longer running`);
}

// The backend note is written while training goes on; executeTrainingRun waits for it before finishing.
const backendNoted = new Map<string, Promise<void>>();
function noteBackend(runId: string, report: BackendReport): Promise<void> {
  logger.info(
    { runId, backend: report.backend, tried: report.tried, simd: report.simd },
    "training thread loaded its TF.js backend",
  );
  const write = Promise.all([
    db.trainingRun.update({ where: { id: runId }, data: { backend: report.backend } }),
    recordTrainingBackend(report),
  ])
    .then(() => undefined)
    .catch((err: unknown) => logger.warn({ runId, err }, "could not record the TF.js backend"))
    .finally(() => backendNoted.delete(runId));
  backendNoted.set(runId, write);
  return write;
}

async function finishCancelled(runId: string, resumedFromEpoch: number | null): Promise<TrainingOutcome> {
  await backendNoted.get(runId);
  await db.trainingRun.updateMany({
    where: { id: runId, status: { in: ["running", "pending"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  const row = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
  logger.info({ runId, epoch: row.epoch }, "training run cancelled");
  return outcomeOf(toRunView(row), resumedFromEpoch);
}

async function finishSucceeded(
  runId: string,
  spec: TrainingSpec,
  prepared: PreparedData,
  data: TrainingData,
  result: Extract<ThreadResult, { status: "completed" }>,
  resumedFromEpoch: number | null,
): Promise<TrainingOutcome> {
  const { evaluation, convergence, verdict } = judgeTraining(spec, data, prepared.preprocessing.classes, result);
  const artifact = {
    modelTopology: json(result.model.modelTopology),
    weightSpecs: json(result.model.weightSpecs),
    weights: result.model.weights as Uint8Array<ArrayBuffer>,
    preprocessing: json(prepared.preprocessing),
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.trainingRun.updateMany({
      where: { id: runId, status: "running" },
      data: {
        status: "succeeded",
        epoch: result.epoch,
        history: json(result.history),
        evaluation: json(evaluation),
        convergence: json(convergence),
        verdict: json(verdict),
        finishedAt: new Date(),
      },
    });
    if (count === 0) throw new RunNotRunning(`training run ${runId} was cancelled before it finished`);
    await tx.modelArtifact.upsert({ where: { runId }, create: { runId, ...artifact }, update: artifact });
  });
  const row = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
  logger.info(
    {
      runId,
      epochs: result.epoch,
      accuracy: evaluation.accuracy,
      f1: evaluation.f1,
      converging: convergence.converging,
      verdict: verdict.kind,
    },
    "training run succeeded",
  );
  return outcomeOf(toRunView(row), resumedFromEpoch);
}

function outcomeOf(run: ReturnType<typeof toRunView>, resumedFromEpoch: number | null): TrainingOutcome {
  return {
    runId: run.id,
    status: run.status === "succeeded" || run.status === "cancelled" ? run.status : "failed",
    epoch: run.epoch,
    epochs: run.epochs,
    history: run.history,
    evaluation: run.evaluation as TrainingOutcome["evaluation"],
    convergence: run.convergence,
    verdict: run.verdict,
    error: run.error,
    backend: run.backend,
    resumedFromEpoch,
  };
}
