import { db, DbNull } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import { activeStatuses, freeJobGpus } from "./queue/lifecycle";
import { appendJobLog } from "./logs";
import { getJob } from "./queries";
import { requestTrainingRunCancel } from "../training/run-records";
import type { JobOut } from "./schemas";

/**
 * Cancels a queued, placed or running job. The database change is the whole
 * cancellation: status, freed GPUs, log and audit commit together, so the GPUs
 * are free at once. The worker running the job sees the status at its next
 * heartbeat (about a second) and aborts training. A finished job is a 409.
 */
export async function cancelJob(id: string, actor: Principal): Promise<JobOut> {
  const now = new Date();
  const runId = await db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id }, select: { status: true, runId: true } });
    if (!job) throw new AppError("not_found", `Job ${id} does not exist`);
    const { count } = await tx.job.updateMany({
      where: { id, status: { in: [...activeStatuses] } },
      data: { status: "cancelled", finishedAt: now, waitingReason: null, waitingReasonCode: DbNull },
    });
    if (count === 0)
      throw new AppError("conflict", `Job ${id} has already finished (${job.status}); there is nothing to cancel`, {
        status: job.status,
      });
    const freed = await freeJobGpus(tx, id, now);
    await appendJobLog(
      tx,
      id,
      "warn",
      `cancelled by ${actorOf(actor)} while ${job.status}${freed ? `; ${freed} GPU${freed === 1 ? "" : "s"} freed` : ""}`,
    );
    await recordAudit(tx, actor, {
      action: "job.cancel",
      target: `job:${id}`,
      details: { from: job.status, gpusFreed: freed },
    });
    return job.runId;
  });
  // After the commit: the run of a job no live worker trains (its worker died)
  // would otherwise stay "running"; a live worker's engine records the same.
  if (runId) await requestTrainingRunCancel(runId);
  return getJob(id);
}
