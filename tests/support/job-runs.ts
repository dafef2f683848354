import type PgBoss from "pg-boss";
import { systemPrincipal, type Principal } from "../../lib/auth/principal";
import { getConfig } from "../../lib/config";
import { db } from "../../lib/db";
import { createBoss, runDispatcher, startRunQueue, type RunDispatcher } from "../../lib/jobs/queue/run-queue";
import { runJob, type RunContext } from "../../lib/jobs/queue/runner";
import { placeQueuedJobs } from "../../lib/jobs/placement/scheduler";
import { CreateJobInput } from "../../lib/jobs/schemas";
import { submitJob } from "../../lib/jobs/submit";

/**
 * The job pipeline as a worker runs it — pg-boss dispatch, placement, the
 * runner with its lease and the training engine — driven from a test.
 */
export type JobRig = {
  boss: PgBoss;
  dispatcher: RunDispatcher;
  ctx: (owner?: string) => RunContext;
  /** Submits and places a job; returns its id (not yet run). */
  submit: (body: Record<string, unknown>, actor?: Principal) => Promise<string>;
  /** Submits, places and runs a job to the end; returns its id. */
  run: (body: Record<string, unknown>, actor?: Principal) => Promise<string>;
  stop: () => Promise<void>;
};

export async function startJobRig(): Promise<JobRig> {
  const { DATABASE_URL, RACKMIND_DB_KIND } = getConfig();
  const boss = createBoss(DATABASE_URL!, RACKMIND_DB_KIND === "pglite");
  await startRunQueue(boss);
  const dispatcher = runDispatcher(boss);
  const never = new AbortController().signal;
  const ctx = (owner = "test-worker"): RunContext => ({ owner, shutdown: never, dispatcher });
  const submit = async (body: Record<string, unknown>, actor: Principal = systemPrincipal) => {
    const { id } = await submitJob(CreateJobInput.parse(body), actor);
    await placeQueuedJobs(dispatcher);
    return id;
  };
  return {
    boss,
    dispatcher,
    ctx,
    submit,
    run: async (body, actor) => {
      const id = await submit(body, actor);
      const result = await runJob(id, ctx());
      if (result.kind !== "finished") throw new Error(`job ${id} did not finish: ${JSON.stringify(result)}`);
      return id;
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The epoch a job's run has stored (0 before it starts). */
export async function runEpochOf(jobId: string): Promise<number> {
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  return job.runId ? (await db.trainingRun.findUniqueOrThrow({ where: { id: job.runId } })).epoch : 0;
}
