import { db, DbNull, type Tx } from "../../db";
import { systemPrincipal } from "../../auth/principal";
import { allocateGpus, ALLOCATION_LOCK } from "./allocations";
import { appendJobLog } from "../logs";
import { planPlacements, type Decision, type PlanGpu, type PlanInput, type PlanJob } from "./placement-plan";
import type { RunDispatcher } from "../queue/run-queue";
import { getJobSettings } from "../settings";
import { getTelemetrySettings, type TelemetrySettings } from "../../telemetry/settings";

// A power reading older than this says nothing about the GPU's draw now.
const POWER_FRESH_MS = 5 * 60_000;
// Enough for any real queue; the rest waits for the next pass.
const MAX_JOBS_PER_PASS = 500;

type GpuRow = Omit<PlanGpu, "powerW"> & { powerW: number | null };

// Everything inside the placement transaction reads through `tx`: on PGlite
// (one session) a query on another connection would wait for this transaction.
async function loadGpus(tx: Tx, now: Date, staleAfterMinutes: number): Promise<PlanGpu[]> {
  const staleBefore = new Date(now.getTime() - staleAfterMinutes * 60_000);
  return tx.$queryRaw<GpuRow[]>`
    SELECT g.id, g.uuid, g.model, g."memoryMiB", g."serverId", s.hostname, g.index, s."rackId",
           (g.health = 'healthy' AND s.status = 'active' AND s."faultState" IS NULL) AS "isUsable",
           coalesce((SELECT ls.at < ${staleBefore} FROM "GpuLastSeen" ls WHERE ls."gpuId" = g.id), true) AS "isStale",
           EXISTS (SELECT 1 FROM "GpuAllocation" a WHERE a."gpuId" = g.id AND (a."endedAt" IS NULL OR a."endedAt" > ${now})) AS "isHeld",
           (SELECT l.value FROM "GpuLatest" l JOIN "TelemetryField" f ON f.id = l."fieldId"
             WHERE l."gpuId" = g.id AND f.name = 'DCGM_FI_DEV_POWER_USAGE' AND l.at >= ${new Date(now.getTime() - POWER_FRESH_MS)}) AS "powerW"
      FROM "Gpu" g JOIN "Server" s ON s.id = g."serverId"`;
}

async function loadPlanInput(tx: Tx, jobs: PlanJob[], now: Date, settings: TelemetrySettings): Promise<PlanInput> {
  const [gpus, racks, quotas, usage] = [
    await loadGpus(tx, now, settings.staleAfterMinutes),
    await tx.rack.findMany({ where: { powerCapKw: { not: null } }, select: { id: true, powerCapKw: true } }),
    await tx.teamQuota.findMany(),
    await tx.job.groupBy({ by: ["team"], where: { status: { in: ["placed", "running"] } }, _sum: { gpus: true } }),
  ];
  return {
    jobs,
    gpus,
    rackCapsW: new Map(racks.map((r) => [r.id, Number(r.powerCapKw) * 1000])),
    quotas: new Map(quotas.map((q) => [q.team, q.maxGpus])),
    teamUsage: new Map(usage.map((u) => [u.team, u._sum.gpus ?? 0])),
    staleGpus: { isPlaceable: settings.placeOnStaleGpus, afterMinutes: settings.staleAfterMinutes },
  };
}

async function applyPlacement(
  tx: Tx,
  d: Extract<Decision, { kind: "place" }>,
  uuids: Map<string, string>,
  dispatcher: RunDispatcher,
  now: Date,
): Promise<boolean> {
  const claimBy = new Date(now.getTime() + getJobSettings().RACKMIND_JOB_CLAIM_SECONDS * 1000);
  // Conditional: a cancel that committed since the jobs were read wins.
  const { count } = await tx.job.updateMany({
    where: { id: d.jobId, status: "queued" },
    data: {
      status: "placed",
      placedAt: now,
      waitingReason: null,
      waitingReasonCode: DbNull,
      leaseOwner: null,
      leaseExpiresAt: claimBy,
    },
  });
  if (count === 0) return false;
  const gpus = d.gpuIds.map((id) => uuids.get(id)!);
  if (gpus.length) await allocateGpus({ jobId: d.jobId, gpus, startedAt: now }, systemPrincipal, tx);
  await appendJobLog(
    tx,
    d.jobId,
    "info",
    gpus.length
      ? `placed on ${gpus.length} GPU${gpus.length === 1 ? "" : "s"}: ${gpus.join(", ")}`
      : "placed (no GPUs requested)",
  );
  const job = await tx.job.findUniqueOrThrow({ where: { id: d.jobId }, select: { priority: true } });
  await dispatcher.dispatch(tx, d.jobId, job.priority);
  return true;
}

export type PlacementPass = { placed: number; waiting: number; skipped: boolean };

/**
 * One scheduling pass: places what can be placed, and records why the rest
 * waits. The whole pass holds the allocation advisory lock (the one
 * allocateGpus takes), so two workers can never hand out the same GPU; a
 * worker that finds the lock taken skips its pass, since the holder is placing
 * the same queue.
 */
export async function placeQueuedJobs(dispatcher: RunDispatcher, now = new Date()): Promise<PlacementPass> {
  // Every worker runs this every second; an idle queue should cost one cheap read, not a transaction.
  if (!(await db.job.findFirst({ where: { status: "queued" }, select: { id: true } })))
    return { placed: 0, waiting: 0, skipped: false };
  // Read before the transaction: on PGlite a read on another connection would wait for it.
  const settings = await getTelemetrySettings();
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(${ALLOCATION_LOCK}::bigint) AS locked`;
    if (!lock?.locked) return { placed: 0, waiting: 0, skipped: true };
    const queued = await tx.job.findMany({
      where: { status: "queued" },
      orderBy: [{ priority: "desc" }, { seq: "asc" }],
      take: MAX_JOBS_PER_PASS,
      select: { id: true, team: true, gpus: true, gpuModel: true, minMemoryMiB: true, waitingReason: true },
    });
    if (queued.length === 0) return { placed: 0, waiting: 0, skipped: false };
    // Lock every job this pass may change before its first audit row: the audit
    // chain's lock is held until commit, and a cancel that has updated a job and
    // waits for the chain would otherwise deadlock with this pass waiting for the job.
    const ids = queued.map((j) => j.id);
    await tx.$queryRaw`SELECT 1 FROM "Job" WHERE "id" = ANY(${ids}::uuid[]) FOR UPDATE`;
    const input = await loadPlanInput(tx, queued, now, settings);
    const uuids = new Map(input.gpus.map((g) => [g.id, g.uuid]));
    const previous = new Map(queued.map((j) => [j.id, j.waitingReason]));
    let placed = 0;
    let waiting = 0;
    for (const d of planPlacements(input)) {
      if (d.kind === "place") {
        if (await applyPlacement(tx, d, uuids, dispatcher, now)) placed++;
        continue;
      }
      waiting++;
      if (previous.get(d.jobId) === d.reason) continue;
      await tx.job.updateMany({
        where: { id: d.jobId, status: "queued" },
        data: { waitingReason: d.reason, waitingReasonCode: d.coded },
      });
      await appendJobLog(tx, d.jobId, "info", d.reason);
    }
    return { placed, waiting, skipped: false };
  });
}
