import { recordAudit } from "../audit/events";
import { actorOf, systemPrincipal, type Principal } from "../auth/principal";
import { db, type Prisma, type Tx } from "../db";
import { AppError } from "../errors";
import { clearGpuHealth } from "../inventory/gpu-health";
import { logger } from "../observability/logger";
import { readingFields } from "../telemetry/views/latest";
import { jobsHoldingNode, requeueJobsOn } from "./drain";
import { actionsFrom, nextState, stateWords, type FaultAction, type FaultState } from "./lifecycle";
import { getFaultSettings } from "./settings";
import { actionWords, takesNodeOut, xidEntry, type XidAction } from "./xid-catalog";
import type { FaultActionInput } from "./schemas";
import type { FaultsOverviewOut, NodeFaultOut } from "./outputs";
import type { Server } from "../generated/prisma/client";

type Recommended = NonNullable<NodeFaultOut["recommended"]> & { action: XidAction };

/** The newest unaccepted XID on each GPU of these servers, with what the catalog recommends. */
async function xidsOn(serverIds: string[] | null): Promise<Map<string, Recommended>> {
  const rows = await db.$queryRaw<{ serverId: string; uuid: string; index: number; xid: number; at: Date }[]>`
    SELECT g."serverId", g.uuid, g.index, l.value::int AS xid, l.at
      FROM "GpuLatest" l
      JOIN "TelemetryField" f ON f.id = l."fieldId" AND f.name = ${readingFields.xid}
      JOIN "Gpu" g ON g.id = l."gpuId"
     WHERE l.value <> 0 AND (g."healthBaseline"->>'xid') IS DISTINCT FROM l.value::int::text
       AND (${serverIds}::uuid[] IS NULL OR g."serverId" = ANY(${serverIds}::uuid[]))
     ORDER BY l.at DESC`;
  const out = new Map<string, Recommended>();
  for (const r of rows) {
    const e = xidEntry(r.xid);
    const current = out.get(r.serverId);
    // Per node, the XID that most needs a person: one taking the node out beats one that does not.
    if (current && (takesNodeOut(current.action) || !takesNodeOut(e.action))) continue;
    out.set(r.serverId, { gpu: r.uuid, xid: r.xid, name: e.name, action: e.action, words: actionWords[e.action] });
  }
  return out;
}

async function serverOrThrow(hostname: string): Promise<Server> {
  const s = await db.server.findUnique({ where: { hostname } });
  if (!s) throw new AppError("not_found", `Server ${hostname} does not exist`);
  return s;
}

export async function getNodeFault(hostname: string): Promise<NodeFaultOut> {
  const s = await serverOrThrow(hostname);
  const [events, xids, running] = await Promise.all([
    db.serverFaultEvent.findMany({ where: { serverId: s.id }, orderBy: { id: "desc" }, take: 100 }),
    xidsOn([s.id]),
    jobsHoldingNode(db, s.id),
  ]);
  return {
    hostname,
    state: s.faultState,
    since: s.faultSince?.toISOString() ?? null,
    reason: s.faultReason,
    actions: actionsFrom(s.faultState),
    recommended: xids.get(s.id) ?? null,
    runningJobs: running,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      from: e.from,
      to: e.to,
      actor: e.actor,
      note: e.note,
      details: e.details ?? null,
    })),
  };
}

async function lockServer(tx: Tx, hostname: string): Promise<Server> {
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM "Server" WHERE hostname = ${hostname} FOR UPDATE`;
  if (!row) throw new AppError("not_found", `Server ${hostname} does not exist`);
  return tx.server.findUniqueOrThrow({ where: { id: row.id } });
}

/** Moves the node one step and records it; a drain re-queues the node's jobs and ends drained once none is left. */
async function step(
  tx: Tx,
  s: Server,
  action: FaultAction,
  note: string,
  actor: Principal,
  now: Date,
  details: Record<string, unknown> = {},
): Promise<FaultState | null> {
  const to = nextState(s.faultState, action);
  if (to === undefined)
    throw new AppError(
      "conflict",
      `${s.hostname} is ${stateWords(s.faultState)}: ${action} is not a step from there (open: ${actionsFrom(s.faultState).join(", ") || "none"})`,
    );
  const by = actorOf(actor);
  const record = (from: FaultState | null, into: FaultState | null, extra: Record<string, unknown> = {}) =>
    tx.serverFaultEvent.create({
      data: {
        serverId: s.id,
        at: now,
        from,
        to: into,
        actor: by,
        note,
        details: { ...details, ...extra } as Prisma.InputJsonValue,
      },
    });
  let state = to;
  await record(s.faultState, to);
  if (action === "return") await acceptCurrentXids(tx, s.id);
  if (action === "drain") {
    const requeued = await requeueJobsOn(tx, s.id, `node ${s.hostname} is being drained (${note})`, now);
    if ((await jobsHoldingNode(tx, s.id)) === 0) {
      state = "drained";
      await record("draining", "drained", { requeuedJobs: requeued });
    }
  }
  await tx.server.update({
    where: { id: s.id },
    data: {
      faultState: state,
      faultSince: state === null ? null : action === "quarantine" ? now : (s.faultSince ?? now),
      faultReason: state === null ? null : action === "quarantine" ? note : s.faultReason,
    },
  });
  return state;
}

/**
 * On a return to service, the XIDs the node's GPUs report now are accepted
 * (dcgm repeats the last one until the driver is reset): only a new XID takes
 * the node out again, also on a GPU whose health the XID never failed (74, 119).
 */
async function acceptCurrentXids(tx: Tx, serverId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Gpu" g SET "healthBaseline" = coalesce(g."healthBaseline", '{}'::jsonb) || jsonb_build_object('xid', l.value::int)
      FROM "GpuLatest" l JOIN "TelemetryField" f ON f.id = l."fieldId" AND f.name = ${readingFields.xid}
     WHERE l."gpuId" = g.id AND g."serverId" = ${serverId}::uuid AND l.value <> 0`;
}

/** An operator's step through the workflow (audited). Returning to service also clears the node's failed GPUs. */
export async function applyFaultAction(
  hostname: string,
  input: FaultActionInput,
  actor: Principal,
  now = new Date(),
): Promise<NodeFaultOut> {
  await db.$transaction(async (tx) => {
    const s = await lockServer(tx, hostname);
    const from = s.faultState;
    const to = await step(tx, s, input.action, input.note, actor, now);
    await recordAudit(tx, actor, {
      action: `server.fault_${input.action}`,
      target: `server:${hostname}`,
      details: { from, to, note: input.note },
    });
  });
  if (input.action === "return") {
    const gpus = await db.gpu.findMany({
      where: { server: { hostname }, health: { not: "healthy" } },
      select: { uuid: true },
    });
    for (const g of gpus) await clearGpuHealth(g.uuid, { note: `returned to service: ${input.note}` }, actor, now);
  }
  return getNodeFault(hostname);
}

export type AutoQuarantineResult = { quarantined: string[]; heldByBreaker: string[] };

const BREAKER_LOCK = 7_301_001; // pg_advisory_xact_lock key: one auto-quarantine pass at a time

/**
 * The workflow's own step: a node whose GPU reports an XID that needs a reset,
 * a reboot or the vendor is quarantined and drained, unless the circuit
 * breaker is open — more than `breakerMaxNodes` nodes quarantined
 * automatically within the window usually means a shared cause (a bad driver
 * roll-out, a cooling loop, a telemetry bug), and taking the whole fleet out
 * would be the larger outage. Then the node is only recorded for a person.
 */
export async function autoQuarantine(now = new Date()): Promise<AutoQuarantineResult> {
  const settings = await getFaultSettings();
  const result: AutoQuarantineResult = { quarantined: [], heldByBreaker: [] };
  if (!settings.autoQuarantine) return result;
  const xids = await xidsOn(null);
  const candidates = [...xids].filter(([, r]) => takesNodeOut(r.action));
  if (candidates.length === 0) return result;
  const servers = await db.server.findMany({
    where: { id: { in: candidates.map(([id]) => id) }, status: "active", faultState: null },
    orderBy: { hostname: "asc" },
  });
  const windowStart = new Date(now.getTime() - settings.breakerWindowMinutes * 60_000);
  for (const candidate of servers) {
    const r = xids.get(candidate.id)!;
    const reason = `XID ${r.xid} on GPU ${r.gpu} (${r.name}): ${r.words}`;
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BREAKER_LOCK})`;
      const s = await lockServer(tx, candidate.hostname);
      if (s.faultState !== null || s.status !== "active") return;
      const recent = await tx.serverFaultEvent.count({
        where: { actor: "system", from: null, to: "quarantined", at: { gte: windowStart } },
      });
      if (recent >= settings.breakerMaxNodes) {
        const told = await tx.serverFaultEvent.count({
          where: { serverId: s.id, actor: "system", from: null, to: null, at: { gte: windowStart } },
        });
        if (told === 0) {
          await tx.serverFaultEvent.create({
            data: {
              serverId: s.id,
              at: now,
              actor: "system",
              note: `not quarantined: the circuit breaker is open (${recent} nodes quarantined automatically in ${settings.breakerWindowMinutes} min, at most ${settings.breakerMaxNodes}); ${reason}`,
              details: { breaker: { open: true, recent, max: settings.breakerMaxNodes }, xid: r.xid, gpu: r.gpu },
            },
          });
          await recordAudit(tx, systemPrincipal, {
            action: "server.fault_breaker_held",
            target: `server:${s.hostname}`,
            details: { reason, recent, max: settings.breakerMaxNodes },
          });
        }
        result.heldByBreaker.push(s.hostname);
        return;
      }
      const details = { xid: r.xid, gpu: r.gpu, action: r.action };
      await step(tx, s, "quarantine", reason, systemPrincipal, now, details);
      const fresh = await tx.server.findUniqueOrThrow({ where: { id: s.id } });
      const to = await step(tx, fresh, "drain", `drained automatically after ${reason}`, systemPrincipal, now, details);
      await recordAudit(tx, systemPrincipal, {
        action: "server.fault_auto_quarantine",
        target: `server:${s.hostname}`,
        details: { reason, to },
      });
      result.quarantined.push(s.hostname);
    });
  }
  if (result.quarantined.length || result.heldByBreaker.length) logger.warn(result, "GPU fault workflow");
  return result;
}

/** Draining nodes whose last job has let go: drained. (A drain re-queues at once; this catches a job placed meanwhile.) */
export async function settleDraining(now = new Date()): Promise<number> {
  const draining = await db.server.findMany({ where: { faultState: "draining" } });
  let settled = 0;
  for (const d of draining) {
    await db.$transaction(async (tx) => {
      const s = await lockServer(tx, d.hostname);
      if (s.faultState !== "draining") return;
      const requeued = await requeueJobsOn(tx, s.id, `node ${s.hostname} is being drained`, now);
      if ((await jobsHoldingNode(tx, s.id)) > 0) return;
      await tx.serverFaultEvent.create({
        data: {
          serverId: s.id,
          at: now,
          from: "draining",
          to: "drained",
          actor: "system",
          note: "no job holds its GPUs any more",
          details: { requeuedJobs: requeued },
        },
      });
      await tx.server.update({ where: { id: s.id }, data: { faultState: "drained" } });
      settled++;
    });
  }
  return settled;
}

export async function getFaultsOverview(now = new Date()): Promise<FaultsOverviewOut> {
  const settings = await getFaultSettings();
  const windowStart = new Date(now.getTime() - settings.breakerWindowMinutes * 60_000);
  const [recent, out] = await Promise.all([
    db.serverFaultEvent.count({ where: { actor: "system", from: null, to: "quarantined", at: { gte: windowStart } } }),
    db.server.findMany({ where: { faultState: { not: null } }, orderBy: [{ faultSince: "asc" }, { hostname: "asc" }] }),
  ]);
  const xids = await xidsOn(out.map((s) => s.id));
  const nodes = await Promise.all(
    out.map(async (s) => ({
      hostname: s.hostname,
      state: s.faultState,
      since: s.faultSince?.toISOString() ?? null,
      reason: s.faultReason,
      actions: actionsFrom(s.faultState),
      recommended: xids.get(s.id) ?? null,
      runningJobs: await jobsHoldingNode(db, s.id),
    })),
  );
  return {
    autoQuarantine: settings.autoQuarantine,
    breaker: {
      open: recent >= settings.breakerMaxNodes,
      quarantinedInWindow: recent,
      maxNodes: settings.breakerMaxNodes,
      windowMinutes: settings.breakerWindowMinutes,
    },
    nodes,
  };
}
