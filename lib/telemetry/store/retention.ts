import { getPool } from "../../database/pool";
import { dayOf, dropPartitionsBefore, ensurePartitions } from "./partitions";
import { getTelemetrySettings } from "../settings";

/**
 * Keeps telemetry storage bounded: makes today's and tomorrow's partitions ahead
 * of ingest, drops raw days past retention, and deletes old rollup rows in
 * batches (short statements, so ingest never waits long behind them).
 */
export async function maintainTelemetryStorage(
  now = new Date(),
): Promise<{ droppedDays: string[]; deleted1m: number; deleted1h: number }> {
  const pool = getPool();
  const settings = await getTelemetrySettings();
  await ensurePartitions(pool, [dayOf(now.getTime()), dayOf(now.getTime() + 86_400_000)]);
  const droppedDays = await dropPartitionsBefore(pool, dayOf(now.getTime() - settings.rawRetentionDays * 86_400_000));
  const deleted1m = await deleteBefore(
    "GpuRollupMinute",
    new Date(now.getTime() - settings.rollup1mRetentionDays * 86_400_000),
  );
  const deleted1h = await deleteBefore(
    "GpuRollupHour",
    new Date(now.getTime() - settings.rollup1hRetentionDays * 86_400_000),
  );
  return { droppedDays, deleted1m, deleted1h };
}

// Counts are of wide rows (one per GPU and bucket, every field).
async function deleteBefore(table: "GpuRollupMinute" | "GpuRollupHour", cutoff: Date, batch = 50_000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await getPool().query(
      `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "${table}" WHERE bucket < $1 LIMIT ${batch}))`,
      [cutoff],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return total;
  }
}
