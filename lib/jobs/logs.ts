import { db, type Tx } from "../db";
import type { JobLogOut } from "./schemas";

export type LogLevel = "info" | "warn" | "error";

/** Appends a line to a job's log; pass the transaction that makes the change it describes. */
export async function appendJobLog(
  client: Tx | typeof db,
  jobId: string,
  level: LogLevel,
  message: string,
): Promise<void> {
  await client.jobLog.create({ data: { jobId, level, message } });
}

/** A job's log lines after `afterId` (all when null), oldest first. */
export async function listJobLogs(jobId: string, afterId: bigint | null = null, limit = 500): Promise<JobLogOut[]> {
  const rows = await db.jobLog.findMany({
    where: { jobId, ...(afterId !== null ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ id: r.id.toString(), at: r.at.toISOString(), level: r.level, message: r.message }));
}
