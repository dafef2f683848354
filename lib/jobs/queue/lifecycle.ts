import { db, type Prisma, type Tx } from "../../db";
import { systemPrincipal } from "../../auth/principal";
import { releaseGpus } from "../placement/allocations";
import { appendJobLog } from "../logs";

export const activeStatuses = ["queued", "placed", "running"] as const;
export const finishedStatuses = ["succeeded", "failed", "cancelled"] as const;

/**
 * Ends the job's open GPU allocations at `at`: the GPUs are free for the next
 * placement as soon as the caller's transaction commits. An allocation is never
 * ended before it began (a job placed and cancelled within the same
 * millisecond ends 1 ms after its start).
 */
export async function freeJobGpus(tx: Tx, jobId: string, at: Date): Promise<number> {
  const open = await tx.gpuAllocation.aggregate({
    where: { jobId, endedAt: null },
    _count: true,
    _max: { startedAt: true },
  });
  if (open._count === 0) return 0;
  const startedMs = open._max.startedAt?.getTime() ?? 0;
  const endedAt = at.getTime() > startedMs ? at : new Date(startedMs + 1);
  return releaseGpus({ jobId, endedAt }, systemPrincipal, tx);
}

export type Outcome =
  | {
      status: "succeeded";
      result?: Prisma.InputJsonValue;
      message?: string;
      /** More to write in the finishing transaction (the model version); what it returns is added to the log line. */
      alsoWrite?: (tx: Tx) => Promise<string | undefined>;
    }
  | { status: "failed"; error: string };

/**
 * Finishes a running job that `owner` holds at `now`: final status, GPUs freed,
 * lease cleared, what the outcome also writes (a trained job's model version),
 * one log line — all in one transaction. False when the job is no longer the owner's (it was
 * cancelled, or its lease expired and another worker took it over) — then the
 * other party's outcome stands.
 */
export async function finishJob(jobId: string, owner: string, outcome: Outcome, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: jobId, leaseOwner: owner, status: "running" },
      data: {
        status: outcome.status,
        finishedAt: now,
        leaseOwner: null,
        leaseExpiresAt: null,
        error: outcome.status === "failed" ? outcome.error : null,
        ...(outcome.status === "succeeded" && outcome.result !== undefined ? { result: outcome.result } : {}),
      },
    });
    if (count === 0) return false;
    // The version first: registering it locks its model's row, and freeing the GPUs
    // audits (the audit chain's lock is held until commit). Taking the model lock
    // after the chain lock could deadlock with an alias move on that model, which
    // takes the model lock first and audits after.
    const also = outcome.status === "succeeded" && outcome.alsoWrite ? await outcome.alsoWrite(tx) : undefined;
    const freed = await freeJobGpus(tx, jobId, now);
    const gpus = freed ? `; ${freed} GPU${freed === 1 ? "" : "s"} freed` : "";
    if (outcome.status === "succeeded")
      await appendJobLog(tx, jobId, "info", `${outcome.message ?? "succeeded"}${also ? `; ${also}` : ""}${gpus}`);
    else await appendJobLog(tx, jobId, "error", `failed: ${outcome.error}${gpus}`);
    return true;
  });
}
