/**
 * The durable dispatch queue between the scheduler and the workers, on pg-boss
 * (its own `pgboss` schema, created and migrated by start()).
 *
 * Why pg-boss carries "run job X" and not the submitted jobs themselves: pg-boss
 * hands out one message at a time by (priority, age) and knows nothing of GPUs,
 * so a job that cannot be placed yet would be fetched, refused and re-sent over
 * and over, and "waiting: 8 GPUs requested, 5 healthy free" needs one pass over
 * the whole queue anyway. So the Job table is the wait queue (lib/jobs/placement/scheduler.ts)
 * and a message is sent in the same transaction that places a job. pg-boss gives
 * durable hand-off to whichever worker is free, retries with exponential backoff
 * after infrastructure failures, and the "short" policy with the job id as
 * singleton key keeps at most one undelivered message per job, so re-dispatching
 * (lease recovery) never piles up copies. Whether a delivered message may run is
 * decided by the job's lease (lib/jobs/queue/lease.ts), not by pg-boss.
 */
import PgBoss from "pg-boss";
import { z } from "zod";
import type { Tx } from "../../db";
import { getJobSettings } from "../settings";
import type { JobPriority } from "../schemas";

export const RUN_QUEUE = "rackmind.jobs.run";
export const RunMessage = z.object({ jobId: z.uuid() });
export type RunMessage = z.infer<typeof RunMessage>;

/**
 * Sends run messages inside the caller's transaction, so placement and hand-off
 * commit together. False when the job already had an undelivered message.
 */
export type RunDispatcher = { dispatch: (tx: Tx, jobId: string, priority: JobPriority) => Promise<boolean> };

const priorityRank: Record<JobPriority, number> = { low: 0, normal: 1, high: 2 };

/** pg-boss runs its SQL on whatever `executeSql` it is given: here, the Prisma transaction's connection. */
function inTransaction(tx: Tx): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
}

export function createBoss(connectionString: string, isPglite: boolean): PgBoss {
  return new PgBoss({
    connectionString,
    schema: "pgboss",
    // PGlite is one session behind its socket; more connections only queue there.
    max: isPglite ? 2 : 4,
    // Rackmind's cron lives in JobSchedule (lib/jobs/schedules/schedules.ts); pg-boss's own scheduler stays off.
    schedule: false,
    supervise: true,
    migrate: true,
  });
}

/** Starts pg-boss (creating or migrating its schema) and makes sure the run queue exists. */
export async function startRunQueue(boss: PgBoss): Promise<void> {
  const s = getJobSettings();
  await boss.start();
  const options = {
    name: RUN_QUEUE,
    policy: "short" as const,
    retryLimit: s.RACKMIND_JOB_RETRY_LIMIT,
    retryDelay: s.RACKMIND_JOB_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // Only a backstop for a message whose worker died before claiming the job:
    // running jobs are guarded by their lease, which a heartbeat keeps fresh.
    expireInSeconds: 12 * 3600,
  };
  if (await boss.getQueue(RUN_QUEUE)) await boss.updateQueue(RUN_QUEUE, options);
  else
    await boss.createQueue(RUN_QUEUE, options).catch(async (err) => {
      // Another worker created it between the check and here.
      if (!(await boss.getQueue(RUN_QUEUE))) throw err;
    });
}

export function runDispatcher(boss: PgBoss): RunDispatcher {
  return {
    dispatch: async (tx, jobId, priority) => {
      const message: RunMessage = { jobId };
      const id = await boss.send(RUN_QUEUE, message, {
        singletonKey: jobId,
        priority: priorityRank[priority],
        db: inTransaction(tx),
      } as PgBoss.SendOptions);
      return id !== null;
    },
  };
}
