/**
 * Leases: which worker runs a job, and until when. A worker claims a placed job
 * (or a running one whose lease expired) with one conditional UPDATE, then
 * extends the lease every heartbeat. A worker that dies (kill -9, lost node)
 * stops extending it; after it expires, lease recovery clears the owner and
 * dispatches the job again, and the next worker resumes from the run's newest
 * checkpoint.
 *
 * All times are the database's now(), never a worker's clock: workers on
 * different machines then agree on when a lease has expired.
 */
import { db, type Tx } from "../../db";
import type { Job } from "../../generated/prisma/client";
import { appendJobLog } from "../logs";
import type { RunDispatcher } from "./run-queue";
import { getJobSettings } from "../settings";

const leaseInterval = () => `${getJobSettings().RACKMIND_JOB_LEASE_SECONDS} seconds`;
const claimInterval = () => `${getJobSettings().RACKMIND_JOB_CLAIM_SECONDS} seconds`;

/**
 * Takes the job for `owner` when it is placed or running and nobody holds a
 * live lease on it; counts the attempt. Null when another worker has it or it
 * is finished — the caller then has nothing to do.
 */
export async function claimJob(jobId: string, owner: string): Promise<Job | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Job" SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + ${leaseInterval()}::interval,
           attempts = attempts + 1, status = 'running', "startedAt" = COALESCE("startedAt", now())
     WHERE id = ${jobId}::uuid AND status IN ('placed', 'running')
       AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < now())
    RETURNING id::text`;
  return rows[0] ? db.job.findUnique({ where: { id: jobId } }) : null;
}

export type Heartbeat = "held" | "cancelled" | "finished" | "lost";

/** Extends `owner`'s lease; says whether the job is still the owner's to run. */
export async function extendLease(jobId: string, owner: string): Promise<Heartbeat> {
  const rows = await db.$queryRaw<{ status: string }[]>`
    UPDATE "Job" SET "leaseExpiresAt" = now() + ${leaseInterval()}::interval
     WHERE id = ${jobId}::uuid AND "leaseOwner" = ${owner}
    RETURNING status::text`;
  const status = rows[0]?.status;
  if (!status) return "lost";
  if (status === "running") return "held";
  return status === "cancelled" ? "cancelled" : "finished";
}

/**
 * Gives the job back without finishing it (infrastructure failure, worker
 * shutting down): any worker may claim it now. `redispatch` sends a new run
 * message in the same transaction (shutdown); without it the job comes back
 * through pg-boss's retry, or through lease recovery after the claim deadline.
 */
export async function releaseLease(
  jobId: string,
  owner: string,
  message: string,
  redispatch?: RunDispatcher,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ priority: "low" | "normal" | "high" }[]>`
      UPDATE "Job" SET "leaseOwner" = NULL, "leaseExpiresAt" = now() + ${claimInterval()}::interval
       WHERE id = ${jobId}::uuid AND "leaseOwner" = ${owner} AND status = 'running'
      RETURNING priority::text`;
    if (!rows[0]) return false;
    await appendJobLog(tx, jobId, "warn", message);
    await redispatch?.dispatch(tx, jobId, rows[0].priority);
    return true;
  });
}

/**
 * Finds placed or running jobs whose lease (or claim deadline) passed, clears
 * their owner and dispatches them again. Several workers may run this at once:
 * each expired job is updated by exactly one of them (row locks, SKIP LOCKED),
 * and the run queue keeps at most one undelivered message per job anyway.
 */
export async function recoverExpiredLeases(dispatcher: RunDispatcher): Promise<number> {
  return db.$transaction(async (tx: Tx) => {
    const rows = await tx.$queryRaw<
      { id: string; priority: "low" | "normal" | "high"; previousOwner: string | null }[]
    >`
      WITH expired AS (
        SELECT id, "leaseOwner" FROM "Job"
         WHERE status IN ('placed', 'running') AND "leaseExpiresAt" < now()
         ORDER BY "leaseExpiresAt" LIMIT 100
         FOR UPDATE SKIP LOCKED)
      UPDATE "Job" j SET "leaseOwner" = NULL, "leaseExpiresAt" = now() + ${claimInterval()}::interval
        FROM expired e WHERE j.id = e.id
      RETURNING j.id::text, j.priority::text, e."leaseOwner" AS "previousOwner"`;
    for (const r of rows) {
      const isSent = await dispatcher.dispatch(tx, r.id, r.priority);
      // A job still waiting for a free worker already has its message: only a real re-dispatch is news.
      if (r.previousOwner)
        await appendJobLog(tx, r.id, "warn", `lease of ${r.previousOwner} expired (worker gone?); dispatched again`);
      else if (isSent)
        await appendJobLog(
          tx,
          r.id,
          "warn",
          "its run message was lost (no worker claimed the job in time); dispatched again",
        );
    }
    return rows.length;
  });
}
