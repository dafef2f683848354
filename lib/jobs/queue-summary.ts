import { db } from "../db";
import { readCodedText, type CodedText } from "../i18n/coded-text";

export type JobQueueSummary = {
  running: number;
  queued: number;
  /** The oldest waiting jobs and why each waits. */
  waiting: {
    id: string;
    team: string;
    gpus: number;
    reason: string | null;
    reasonCode: CodedText | null;
    since: string;
  }[];
  failedToday: number;
  /** Training jobs that succeeded today with a verdict other than good (not converged, overfitting, worse than baseline). */
  badVerdictToday: number;
  dayStart: string;
};

/** The job queue as the overview reads it: what runs, what waits and why, what went wrong today (UTC). */
export async function getJobQueueSummary(now = new Date()): Promise<JobQueueSummary> {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [running, queued, waiting, failedToday, bad] = await Promise.all([
    db.job.count({ where: { status: { in: ["placed", "running"] } } }),
    db.job.count({ where: { status: "queued" } }),
    db.job.findMany({
      where: { status: "queued" },
      orderBy: [{ priority: "desc" }, { seq: "asc" }],
      take: 5,
      select: { id: true, team: true, gpus: true, waitingReason: true, waitingReasonCode: true, createdAt: true },
    }),
    db.job.count({ where: { status: "failed", finishedAt: { gte: dayStart } } }),
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Job" j JOIN "TrainingRun" r ON r.id = j."runId"
       WHERE j.status = 'succeeded' AND j."finishedAt" >= ${dayStart}
         AND r.verdict IS NOT NULL AND r.verdict->>'kind' <> 'good'`,
  ]);
  return {
    running,
    queued,
    waiting: waiting.map((j) => ({
      id: j.id,
      team: j.team,
      gpus: j.gpus,
      reason: j.waitingReason,
      reasonCode: readCodedText(j.waitingReasonCode),
      since: j.createdAt.toISOString(),
    })),
    failedToday,
    badVerdictToday: bad[0]?.n ?? 0,
    dayStart: dayStart.toISOString(),
  };
}
