import { DbNull, type db, type Tx } from "../db";
import { appendJobLog } from "../jobs/logs";
import { freeJobGpus } from "../jobs/queue/lifecycle";

/**
 * Hands the jobs holding GPUs on a node back to the queue: queued again, their
 * GPUs freed (on every node they held), their lease cleared. The worker
 * running one sees the lease gone at its next heartbeat (≤ 1 s) and stops; the
 * scheduler places the job on healthy GPUs elsewhere and the worker that
 * claims it resumes the run from its newest checkpoint (one epoch at most is
 * trained again). Returns the job ids re-queued.
 */
export async function requeueJobsOn(tx: Tx, serverId: string, why: string, now: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT j.id::text FROM "Job" j
     WHERE j.status IN ('placed', 'running')
       AND EXISTS (SELECT 1 FROM "GpuAllocation" a JOIN "Gpu" g ON g.id = a."gpuId"
                    WHERE a."jobId" = j.id::text AND a."endedAt" IS NULL AND g."serverId" = ${serverId}::uuid)
     ORDER BY j.id FOR UPDATE`;
  for (const { id } of rows) {
    await tx.job.update({
      where: { id },
      data: {
        status: "queued",
        placedAt: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        waitingReason: `re-queued: ${why}`,
        // The why is an operator's or the fault workflow's own words: shown as stored.
        waitingReasonCode: DbNull,
      },
    });
    const freed = await freeJobGpus(tx, id, now);
    await appendJobLog(
      tx,
      id,
      "warn",
      `re-queued to resume from its last checkpoint elsewhere: ${why}; ${freed} GPUs freed`,
    );
  }
  return rows.map((r) => r.id);
}

/** Jobs still holding GPUs on the node. */
export async function jobsHoldingNode(tx: Tx | typeof db, serverId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT a."jobId")::int AS n FROM "GpuAllocation" a JOIN "Gpu" g ON g.id = a."gpuId"
     WHERE g."serverId" = ${serverId}::uuid AND a."endedAt" IS NULL`;
  return row?.n ?? 0;
}
