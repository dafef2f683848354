import { z } from "zod";
import { db, type Prisma } from "../../db";
import { recordAudit } from "../../audit/events";
import { systemPrincipal, type Principal } from "../../auth/principal";
import type { JobSchedule } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { decodeCursor, toPage, type Page, type PageQuery } from "../../pagination";
import { logger } from "../../observability/logger";
import { nextCronRun, nextCronRuns } from "./cron";
import { CreateJobInput, type ScheduleOut, type UpdateScheduleInput } from "../schemas";
import { insertJob, resolveJob, type ResolvedJob } from "../submit";

const log = logger.child({ module: "jobs.schedules" });

async function resolveFiring(s: JobSchedule): Promise<{ job: ResolvedJob } | { problem: string }> {
  try {
    return { job: await resolveJob(CreateJobInput.parse(s.spec), s.team) };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/**
 * Submits a job for every enabled schedule whose nextRunAt has come, and moves
 * nextRunAt to the first cron time after `now` (missed times while no worker
 * ran fire once, not once each). Exactly once across workers: a firing is
 * claimed by `UPDATE … WHERE id = ? AND nextRunAt = <the value read>` in the
 * same transaction that inserts the job, so of several workers reading the
 * same due schedule only the first update matches; the others match no row
 * and insert nothing. A schedule whose expression never fires again is
 * disabled (its nextRunAt keeps the last value).
 */
export async function fireDueSchedules(now = new Date()): Promise<number> {
  const due = await db.jobSchedule.findMany({
    where: { enabled: true, nextRunAt: { lte: now } },
    orderBy: { nextRunAt: "asc" },
    take: 100,
  });
  let fired = 0;
  for (const s of due) {
    // Resolved before the transaction: reads only, and on PGlite nothing may
    // query on another connection while the transaction is open.
    const firing = await resolveFiring(s);
    const next = nextCronRun(s.cron, s.timezone, now);
    const jobId = await db.$transaction(async (tx) => {
      const { count } = await tx.jobSchedule.updateMany({
        where: { id: s.id, enabled: true, nextRunAt: s.nextRunAt },
        data: { lastRunAt: now, ...(next ? { nextRunAt: next } : { enabled: false }) },
      });
      if (count === 0) return null;
      if ("problem" in firing) {
        await recordAudit(tx, systemPrincipal, {
          action: "job.schedule_skip",
          target: `schedule:${s.id}`,
          details: { at: now.toISOString(), reason: firing.problem },
        });
        return null;
      }
      return insertJob(tx, firing.job, { actor: systemPrincipal, scheduleId: s.id, createdBy: s.createdBy });
    });
    if (jobId) fired++;
    if ("problem" in firing)
      log.warn({ scheduleId: s.id, reason: firing.problem }, "schedule fired but its job could not be submitted");
  }
  return fired;
}

function toScheduleOut(s: JobSchedule & { _count: { jobs: number } }, now: Date): ScheduleOut {
  return {
    id: s.id,
    cron: s.cron,
    timezone: s.timezone,
    enabled: s.enabled,
    team: s.team,
    spec: s.spec as Record<string, unknown>,
    nextRunAt: s.enabled ? s.nextRunAt.toISOString() : null,
    upcoming: s.enabled
      ? nextCronRuns(s.cron, s.timezone, new Date(Math.max(now.getTime(), s.nextRunAt.getTime() - 1)), 3).map((d) =>
          d.toISOString(),
        )
      : [],
    lastRunAt: s.lastRunAt?.toISOString() ?? null,
    jobs: s._count.jobs,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
  };
}

const Cursor = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

/** Schedules, newest first, with their next few firing times. */
export async function listSchedules(q: PageQuery, now = new Date()): Promise<Page<ScheduleOut>> {
  const where: Prisma.JobScheduleWhereInput = {};
  if (q.cursor) {
    const c = decodeCursor(q.cursor, Cursor);
    where.OR = [{ createdAt: { lt: new Date(c.createdAt) } }, { createdAt: new Date(c.createdAt), id: { lt: c.id } }];
  }
  const rows = await db.jobSchedule.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { _count: { select: { jobs: true } } },
  });
  return toPage(
    rows,
    q.limit,
    (r) => ({ createdAt: r.createdAt.toISOString(), id: r.id }),
    (r) => toScheduleOut(r, now),
  );
}

export async function getSchedule(id: string, now = new Date()): Promise<ScheduleOut> {
  const row = await db.jobSchedule.findUnique({ where: { id }, include: { _count: { select: { jobs: true } } } });
  if (!row) throw new AppError("not_found", `Schedule ${id} does not exist`);
  return toScheduleOut(row, now);
}

/** Pauses, resumes or re-times a schedule; the next firing is computed from now. */
export async function updateSchedule(
  id: string,
  input: UpdateScheduleInput,
  actor: Principal,
  now = new Date(),
): Promise<ScheduleOut> {
  await db.$transaction(async (tx) => {
    const s = await tx.jobSchedule.findUnique({ where: { id } });
    if (!s) throw new AppError("not_found", `Schedule ${id} does not exist`);
    const cron = input.schedule?.cron ?? s.cron;
    const timezone = input.schedule?.timezone ?? s.timezone;
    const enabled = input.enabled ?? s.enabled;
    const next = nextCronRun(cron, timezone, now);
    if (enabled && !next) throw new AppError("unprocessable_entity", `${cron} never fires again`);
    await tx.jobSchedule.update({
      where: { id },
      data: { cron, timezone, enabled, ...(next ? { nextRunAt: next } : {}) },
    });
    await recordAudit(tx, actor, {
      action: "job.schedule_update",
      target: `schedule:${id}`,
      details: { from: { cron: s.cron, timezone: s.timezone, enabled: s.enabled }, to: { cron, timezone, enabled } },
    });
  });
  return getSchedule(id, now);
}

/** Deletes a schedule; the jobs it submitted stay (their scheduleId becomes null). */
export async function deleteSchedule(id: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const s = await tx.jobSchedule.findUnique({ where: { id } });
    if (!s) throw new AppError("not_found", `Schedule ${id} does not exist`);
    await tx.jobSchedule.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "job.schedule_delete",
      target: `schedule:${id}`,
      details: { cron: s.cron, timezone: s.timezone },
    });
  });
}
