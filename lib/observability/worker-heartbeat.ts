import { hostname } from "node:os";
import { db } from "../db";

// Worker processes beat every few seconds; /api/health counts those that beat
// recently. A worker that lost the database keeps trying (its periodic jobs
// fail and retry), and its beats resume when the database is back, which is
// how health shows that the workers recovered without a restart.

export const HEARTBEAT_EVERY_MS = 5_000;
/** A worker is alive when it beat within this long (three missed beats and some slack). */
export const ALIVE_WITHIN_MS = 20_000;
/** Beats older than this are forgotten (workers that stopped for good). */
const FORGET_AFTER_MS = 24 * 3_600_000;

export async function beat(owner: string, startedAt: Date, now = new Date()): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { owner },
    create: { owner, pid: process.pid, host: hostname(), startedAt, beatAt: now },
    update: { beatAt: now },
  });
  await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
}

export type WorkersHealth = { alive: number; newestBeatAt: string | null };

export async function readWorkersHealth(now = new Date()): Promise<WorkersHealth> {
  const [alive, newest] = await Promise.all([
    db.workerHeartbeat.count({ where: { beatAt: { gte: new Date(now.getTime() - ALIVE_WITHIN_MS) } } }),
    db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } }),
  ]);
  return { alive, newestBeatAt: newest?.beatAt.toISOString() ?? null };
}
