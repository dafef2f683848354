/**
 * Running one dispatched job in a worker: claim its lease, keep the lease alive
 * while training, stop when the job is cancelled (or the lease is lost, or the
 * worker shuts down), and record the outcome. The worker's pg-boss loop calls
 * runJob for each message; tests call it as a plain function.
 */
import { ZodError } from "zod";
import { db } from "../../db";
import type { Job } from "../../generated/prisma/client";
import { isCallersError } from "../../errors";
import { logger } from "../../observability/logger";
import type { EpochMetrics, Verdict } from "../../training/schemas";
import { evaluateModelOnDataset } from "./evaluate";
import { trainJob, type TrainingOutcome } from "./execute";
import { extendLease, claimJob, releaseLease } from "./lease";
import { finishJob } from "./lifecycle";
import { appendJobLog } from "../logs";
import type { RunDispatcher } from "./run-queue";
import { getJobSettings } from "../settings";
import { registerVersion } from "../../models/registration";
import { draftTrainedVersion, type VersionDraft } from "../../models/trained-version";

export type RunContext = {
  /** This worker's identity in leases and logs (host:pid:random). */
  owner: string;
  /** Aborted when the worker shuts down: the job is checkpointed and handed back. */
  shutdown: AbortSignal;
  dispatcher: RunDispatcher;
};

export type RunResult =
  | { kind: "not-claimed" }
  | { kind: "finished"; status: "succeeded" | "failed" }
  | { kind: "stopped"; why: StopReason }
  | { kind: "retry"; error: string };

type StopReason = "cancelled" | "lost" | "finished" | "shutdown";

/**
 * Extends the lease every heartbeat; calls `stop` once when the job stops
 * being ours. The returned function stops the heartbeat and waits for a beat
 * in flight, so nothing of the job's still queries after runJob returns.
 */
function startHeartbeat(jobId: string, owner: string, stop: (why: StopReason) => void): () => Promise<void> {
  const { RACKMIND_JOB_HEARTBEAT_MS: every, RACKMIND_JOB_LEASE_SECONDS: leaseS } = getJobSettings();
  let lastHeld = Date.now();
  let inFlight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = extendLease(jobId, owner)
      .then((beat) => {
        if (beat === "held") lastHeld = Date.now();
        else stop(beat);
      })
      // The database is unreachable: keep training while the lease may still be
      // ours, give up once it has certainly expired (another worker may take over).
      .catch((err) => {
        logger.warn({ jobId, err }, "could not extend the job's lease");
        if (Date.now() - lastHeld > leaseS * 1000) stop("lost");
      })
      .finally(() => (inFlight = null));
  }, every);
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}

/**
 * Epoch lines for the job log: every epoch of short runs, at most one every 2 s
 * of long ones, always the last. Written without holding up training; `flush`
 * waits for the writes still in flight.
 */
function epochLogger(jobId: string): {
  onEpoch: (m: EpochMetrics, epochs: number) => void;
  flush: () => Promise<unknown>;
} {
  let lastAt = 0;
  const writes = new Set<Promise<void>>();
  const onEpoch = (m: EpochMetrics, epochs: number) => {
    const now = Date.now();
    if (m.epoch !== epochs && now - lastAt < 2000) return;
    lastAt = now;
    const parts = [
      `loss ${m.loss.toFixed(4)}`,
      m.valLoss !== null ? `val loss ${m.valLoss.toFixed(4)}` : null,
      `accuracy ${m.accuracy.toFixed(3)}`,
    ].filter(Boolean);
    const write: Promise<void> = appendJobLog(db, jobId, "info", `epoch ${m.epoch}/${epochs}: ${parts.join(", ")}`)
      .catch(() => undefined)
      .finally(() => writes.delete(write));
    writes.add(write);
  };
  return { onEpoch, flush: () => Promise.all(writes) };
}

/** Bad input stays bad however often it is retried; anything else may be the infrastructure. */
function isPermanent(err: unknown): boolean {
  if (err instanceof ZodError) return true;
  return isCallersError(err);
}

/** The verdict for the job's last log line: the kind in words, then its summary. */
function verdictNote(verdict: Verdict | null): string {
  return verdict
    ? `; verdict ${verdict.kind.replaceAll("_", " ")}: ${verdict.summary.replace(/\.$/, "")}`
    : "; not judged";
}

async function execute(
  job: Job,
  signal: AbortSignal,
  onEpoch: (m: EpochMetrics, epochs: number) => void,
): Promise<
  | { status: "succeeded"; message: string; result?: object; version?: VersionDraft; at?: Date }
  | { status: "failed"; error: string }
  | { status: "cancelled" }
> {
  if (job.type === "evaluate") {
    const evaluation = await evaluateModelOnDataset(job, job.datasetVersionId, signal);
    const message = `evaluated on ${evaluation.samples} rows: accuracy ${evaluation.accuracy.toFixed(3)}, F1 ${evaluation.f1.toFixed(3)}${verdictNote(evaluation.verdict)}`;
    return { status: "succeeded", message, result: evaluation };
  }
  const outcome: TrainingOutcome = await trainJob(job, signal, onEpoch);
  if (outcome.status === "succeeded") {
    const e = outcome.evaluation;
    const accuracy = e
      ? `, accuracy ${e.accuracy.toFixed(3)} on the ${e.split === "train" ? "training data (no held-out split)" : `${e.split} split`}`
      : "";
    const resumed = outcome.resumedFromEpoch !== null ? ` (resumed from epoch ${outcome.resumedFromEpoch})` : "";
    // The version's lineage (GPU events, energy) is read before the job finishes, up to the
    // instant it finishes: its GPUs are freed at that same instant, with the version written.
    const at = new Date();
    return {
      status: "succeeded",
      message: `trained ${outcome.epoch}/${outcome.epochs} epochs${accuracy}${resumed}${verdictNote(outcome.verdict)}`,
      version: await draftTrainedVersion(job.id, at),
      at,
    };
  }
  if (outcome.status === "failed") return { status: "failed", error: outcome.error ?? "training failed" };
  return { status: "cancelled" };
}

async function stopped(job: Job, ctx: RunContext, why: StopReason): Promise<RunResult> {
  if (why === "shutdown")
    await releaseLease(
      job.id,
      ctx.owner,
      "worker shutting down; training stopped at its last checkpoint and was handed back",
      ctx.dispatcher,
    );
  else if (why === "cancelled") await appendJobLog(db, job.id, "info", `worker ${ctx.owner} stopped training`);
  return { kind: "stopped", why };
}

async function failedAttempt(
  job: Job,
  ctx: RunContext,
  error: string,
  isPermanentFailure: boolean,
): Promise<RunResult> {
  const limit = getJobSettings().RACKMIND_JOB_RETRY_LIMIT;
  if (isPermanentFailure || job.attempts > limit) {
    const why = isPermanentFailure ? error : `gave up after ${job.attempts} attempts: ${error}`;
    await finishJob(job.id, ctx.owner, { status: "failed", error: why });
    return { kind: "finished", status: "failed" };
  }
  await releaseLease(job.id, ctx.owner, `attempt ${job.attempts} failed (${error}); retrying with backoff`);
  return { kind: "retry", error };
}

/**
 * Runs job `jobId` if this worker can claim it. Outcomes: finished (succeeded
 * or failed, GPUs freed), stopped (cancelled, lease lost, or handed back at
 * shutdown), retry (an infrastructure failure: the lease is released and the
 * caller fails the pg-boss message so it comes back after a backoff), or
 * not-claimed (another worker holds it, or it already finished).
 */
export async function runJob(jobId: string, ctx: RunContext): Promise<RunResult> {
  const job = await claimJob(jobId, ctx.owner);
  if (!job) return { kind: "not-claimed" };
  await appendJobLog(
    db,
    jobId,
    "info",
    `${job.attempts > 1 ? "resumed" : "started"} by worker ${ctx.owner} (attempt ${job.attempts})`,
  );
  const abort = new AbortController();
  let why: StopReason | null = null;
  const stop = (reason: StopReason) => {
    why ??= reason;
    abort.abort(reason);
  };
  const onShutdown = () => stop("shutdown");
  if (ctx.shutdown.aborted) onShutdown();
  ctx.shutdown.addEventListener("abort", onShutdown);
  const stopHeartbeat = startHeartbeat(jobId, ctx.owner, stop);
  const epochs = epochLogger(jobId);
  try {
    const outcome = await execute(job, abort.signal, epochs.onEpoch);
    await epochs.flush();
    if (why) return await stopped(job, ctx, why);
    if (outcome.status === "cancelled") {
      // Cancelling a job also stops its run directly, which the engine may notice
      // before our heartbeat does: ask the job, not the run, why training stopped.
      const beat = await extendLease(jobId, ctx.owner);
      if (beat !== "held") return await stopped(job, ctx, beat);
      return await failedAttempt(job, ctx, "the training run was stopped from outside the job", false);
    }
    if (outcome.status === "failed") return await failedAttempt(job, ctx, outcome.error, true);
    const draft = outcome.version;
    await finishJob(
      jobId,
      ctx.owner,
      {
        status: "succeeded",
        message: outcome.message,
        result: outcome.result as never,
        alsoWrite: draft
          ? async (tx) => {
              const v = await registerVersion(tx, draft);
              return `registered model ${v.name} version ${v.version}`;
            }
          : undefined,
      },
      outcome.at,
    );
    return { kind: "finished", status: "succeeded" };
  } catch (err) {
    if (why) return await stopped(job, ctx, why);
    logger.error({ jobId, err }, "job attempt failed");
    return await failedAttempt(job, ctx, err instanceof Error ? err.message : String(err), isPermanent(err));
  } finally {
    await stopHeartbeat();
    await epochs.flush();
    ctx.shutdown.removeEventListener("abort", onShutdown);
  }
}
