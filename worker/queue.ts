/**
 * The job side of a worker process: pg-boss for run messages, and the periodic
 * passes every worker makes (placing queued jobs, firing due schedules,
 * recovering expired leases). Any number of workers may run against the same
 * database; each pass is safe to run concurrently (see lib/jobs/placement/scheduler.ts,
 * schedules.ts and lease.ts for how).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { getConfig } from "../lib/config";
import { recoverExpiredLeases } from "../lib/jobs/queue/lease";
import { createBoss, RUN_QUEUE, RunMessage, runDispatcher, startRunQueue } from "../lib/jobs/queue/run-queue";
import { runJob, type RunContext } from "../lib/jobs/queue/runner";
import { placeQueuedJobs } from "../lib/jobs/placement/scheduler";
import { fireDueSchedules } from "../lib/jobs/schedules/schedules";
import { getJobSettings } from "../lib/jobs/settings";
import { logger } from "../lib/observability/logger";
import { startPeriodic } from "./periodic";

const log = logger.child({ module: "worker.jobs" });
// How often an idle worker asks pg-boss for a run message (also woken right after it places a job).
const FETCH_EVERY_MS = 500;

async function handle(boss: PgBoss, message: PgBoss.Job<unknown>, ctx: RunContext): Promise<void> {
  const parsed = RunMessage.safeParse(message.data);
  if (!parsed.success) {
    log.error({ messageId: message.id, data: message.data }, "dropping a run message that is not {jobId}");
    await boss.complete(RUN_QUEUE, message.id);
    return;
  }
  const result = await runJob(parsed.data.jobId, ctx);
  if (result.kind !== "not-claimed") log.info({ jobId: parsed.data.jobId, result }, "job attempt ended");
  // Failing the message makes pg-boss deliver it again after its backoff.
  if (result.kind === "retry") await boss.fail(RUN_QUEUE, message.id, { message: result.error });
  else await boss.complete(RUN_QUEUE, message.id);
}

export type JobWorker = { owner: string; stop: () => Promise<void> };

/** Starts pg-boss, the run-message loop (RACKMIND_WORKER_CONCURRENCY jobs at once) and the scheduling passes. */
export async function startJobWorker(): Promise<JobWorker> {
  const { DATABASE_URL, RACKMIND_DB_KIND } = getConfig();
  const settings = getJobSettings();
  const boss = createBoss(DATABASE_URL!, RACKMIND_DB_KIND === "pglite");
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await startRunQueue(boss);
  const dispatcher = runDispatcher(boss);
  const shutdown = new AbortController();
  const ctx: RunContext = {
    owner: `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    shutdown: shutdown.signal,
    dispatcher,
  };
  const running = new Set<Promise<void>>();
  let isFetching = false;

  const fetchWork = async () => {
    if (isFetching || shutdown.signal.aborted) return;
    isFetching = true;
    try {
      while (!shutdown.signal.aborted && running.size < settings.RACKMIND_WORKER_CONCURRENCY) {
        const [message] = await boss.fetch<unknown>(RUN_QUEUE, { batchSize: 1 });
        if (!message) break;
        const p: Promise<void> = handle(boss, message, ctx)
          .catch((err) => log.error({ err, messageId: message.id }, "run message handler failed"))
          .finally(() => {
            running.delete(p);
            void fetchWork();
          });
        running.add(p);
      }
    } catch (err) {
      log.error({ err }, "could not fetch run messages");
    } finally {
      isFetching = false;
    }
  };
  const timer = settings.RACKMIND_WORKER_CONCURRENCY > 0 ? setInterval(() => void fetchWork(), FETCH_EVERY_MS) : null;

  const every = settings.RACKMIND_SCHEDULER_INTERVAL_MS;
  const periodic = startPeriodic([
    {
      name: "jobs.place",
      everyMs: every,
      quiet: true,
      run: async () => {
        const pass = await placeQueuedJobs(dispatcher);
        if (pass.placed) void fetchWork();
        return pass;
      },
    },
    { name: "jobs.fire-schedules", everyMs: every, quiet: true, run: () => fireDueSchedules() },
    {
      name: "jobs.recover-leases",
      everyMs: Math.max(every, 1000),
      quiet: true,
      run: () => recoverExpiredLeases(dispatcher),
    },
  ]);
  log.info({ owner: ctx.owner, concurrency: settings.RACKMIND_WORKER_CONCURRENCY }, "job worker started");

  return {
    owner: ctx.owner,
    stop: async () => {
      if (timer) clearInterval(timer);
      // Running jobs stop at their last checkpoint and are handed back for another worker.
      shutdown.abort();
      await Promise.all(running);
      await periodic.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
