import { db, type Tx } from "../../db";
import { recordAudit } from "../../audit/events";
import type { Principal } from "../../auth/principal";
import { AppError } from "../../errors";
import { AllocateGpusInput, ReleaseGpusInput } from "../../energy/schemas";

/** One allocation with what energy accounting needs of its GPU; GPU fields are null once it left the inventory. */
export type JobAllocation = {
  gpuId: string;
  uuid: string | null;
  hostname: string | null;
  siteId: string | null;
  startedAt: Date;
  endedAt: Date | null;
};

// Any constant: serialises allocation writers, so two jobs cannot both pass
// the overlap check for the same GPU and both take it. The job scheduler
// (lib/jobs/placement/scheduler.ts) takes the same lock for its whole placement pass.
export const ALLOCATION_LOCK = 7270_0005;

function inTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.$transaction(work);
}

async function gpuIdsOrThrow(tx: Tx, uuids: string[]): Promise<Map<string, string>> {
  const gpus = await tx.gpu.findMany({ where: { uuid: { in: uuids } }, select: { id: true, uuid: true } });
  const missing = uuids.filter((u) => !gpus.some((g) => g.uuid === u));
  if (missing.length) throw new AppError("not_found", `GPU ${missing.join(", ")} does not exist`, { gpus: missing });
  return new Map(gpus.map((g) => [g.uuid, g.id]));
}

/**
 * Records that a job holds GPUs from `startedAt` (until `endedAt`, or until
 * released). A GPU another allocation holds at an overlapping time is a 409.
 * Pass the caller's transaction to commit the allocation with the job's own change.
 */
export async function allocateGpus(input: AllocateGpusInput, actor: Principal, tx?: Tx): Promise<number> {
  const a = AllocateGpusInput.parse(input);
  return inTransaction(tx, async (t) => {
    await t.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ALLOCATION_LOCK})`);
    const ids = await gpuIdsOrThrow(t, a.gpus);
    const clashes = await t.gpuAllocation.findMany({
      where: {
        gpuId: { in: [...ids.values()] },
        startedAt: a.endedAt ? { lt: a.endedAt } : undefined,
        OR: [{ endedAt: null }, { endedAt: { gt: a.startedAt } }],
      },
    });
    if (clashes.length) {
      const jobs = [...new Set(clashes.map((c) => c.jobId))];
      throw new AppError(
        "conflict",
        `${clashes.length} of these GPUs are held by job ${jobs.join(", ")} at that time`,
        { jobs },
      );
    }
    const { count } = await t.gpuAllocation.createMany({
      data: [...ids.values()].map((gpuId) => ({
        gpuId,
        jobId: a.jobId,
        startedAt: a.startedAt,
        endedAt: a.endedAt ?? null,
      })),
    });
    await recordAudit(t, actor, {
      action: "energy.gpu_allocate",
      target: `job:${a.jobId}`,
      details: { gpus: a.gpus, startedAt: a.startedAt.toISOString(), endedAt: a.endedAt?.toISOString() ?? null },
    });
    return count;
  });
}

/** Ends a job's open allocations at `endedAt` (all of them, or those of `gpus`); returns how many ended. */
export async function releaseGpus(input: ReleaseGpusInput, actor: Principal, tx?: Tx): Promise<number> {
  const r = ReleaseGpusInput.parse(input);
  return inTransaction(tx, async (t) => {
    const gpuId = r.gpus ? { in: [...(await gpuIdsOrThrow(t, r.gpus)).values()] } : undefined;
    const open = { jobId: r.jobId, endedAt: null, gpuId };
    const tooEarly = await t.gpuAllocation.count({ where: { ...open, startedAt: { gte: r.endedAt } } });
    if (tooEarly)
      throw new AppError(
        "unprocessable_entity",
        `endedAt ${r.endedAt.toISOString()} is not after the start of ${tooEarly} of job ${r.jobId}'s allocations`,
      );
    const { count } = await t.gpuAllocation.updateMany({ where: open, data: { endedAt: r.endedAt } });
    await recordAudit(t, actor, {
      action: "energy.gpu_release",
      target: `job:${r.jobId}`,
      details: { gpus: r.gpus ?? "all", endedAt: r.endedAt.toISOString(), released: count },
    });
    return count;
  });
}

/** A job's allocations, oldest first, with each GPU's uuid, hostname and site where it still exists. */
export async function listJobAllocations(jobId: string): Promise<JobAllocation[]> {
  const rows = await db.gpuAllocation.findMany({ where: { jobId }, orderBy: [{ startedAt: "asc" }, { gpuId: "asc" }] });
  const gpus = await db.gpu.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.gpuId))] } },
    select: { id: true, uuid: true, server: { select: { hostname: true, rack: { select: { siteId: true } } } } },
  });
  const byId = new Map(gpus.map((g) => [g.id, g]));
  return rows.map((r) => {
    const g = byId.get(r.gpuId);
    return {
      gpuId: r.gpuId,
      uuid: g?.uuid ?? null,
      hostname: g?.server.hostname ?? null,
      siteId: g?.server.rack.siteId ?? null,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
    };
  });
}
