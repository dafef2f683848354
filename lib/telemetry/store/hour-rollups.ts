import { getPool } from "../../database/pool";
import { getTelemetrySettings } from "../settings";

// An hour is built this long after it ends: the last scrape of an hour can
// arrive a little late. A sample later still marks the hour again, and it is
// rebuilt; until then the GpuRollup1h view aggregates it from its minutes.
const GRACE_MS = 2 * 60_000;
const HOUR_MS = 60 * 60_000;
// Hours built per run: a backlog (an outage, a backfill) drains over a few runs
// rather than in one long pass.
const MAX_HOURS_PER_RUN = 6;

// Every GPU's hour row from its minute rows, as the GpuRollupHourExact view
// aggregates a marked hour (position by position; position = field id): one
// definition of the aggregation. Rows are written in GPU order, as the fold
// writes minute rows.
const BUILD_HOUR_SQL = `
INSERT INTO "GpuRollupHour" AS h ("gpuId", "bucket", "min", "max", "sum", "count")
SELECT "gpuId", "bucket", "min", "max", "sum", "count" FROM "GpuRollupHourExact" WHERE "bucket" = $1::timestamptz ORDER BY 1
ON CONFLICT ("gpuId", "bucket") DO UPDATE SET
  "min" = EXCLUDED."min", "max" = EXCLUDED."max", "sum" = EXCLUDED."sum", "count" = EXCLUDED."count"`;

export type HourBuild = { built: string[]; dropped: string[]; gpuHours: number };

/**
 * Builds the 1-hour rollup rows of closed hours whose minute rows changed (the
 * fold marks each hour it touches in "GpuRollupHourPending"), then removes the
 * marks it read — by id, so a mark a fold leaves meanwhile survives and the
 * hour is built again. Marks of hours older than the 1-minute retention are
 * dropped unbuilt: their minute rows are, or are about to be, deleted, and an
 * hour built from what is left would undercount.
 */
export async function buildClosedHours(now = new Date()): Promise<HourBuild> {
  const pool = getPool();
  const settings = await getTelemetrySettings();
  const { rows } = await pool.query<{ hour: Date; ids: string[] }>(
    `SELECT "hour", array_agg("id")::text[] AS ids FROM "GpuRollupHourPending"
      WHERE "hour" <= $1 GROUP BY "hour" ORDER BY "hour" LIMIT ${MAX_HOURS_PER_RUN}`,
    [new Date(now.getTime() - GRACE_MS - HOUR_MS)],
  );
  const oldestKept = now.getTime() - settings.rollup1mRetentionDays * 86_400_000;
  const result: HourBuild = { built: [], dropped: [], gpuHours: 0 };
  for (const { hour, ids } of rows) {
    if (hour.getTime() < oldestKept) {
      result.dropped.push(hour.toISOString());
    } else {
      result.gpuHours += (await pool.query(BUILD_HOUR_SQL, [hour])).rowCount ?? 0;
      result.built.push(hour.toISOString());
    }
    await pool.query(`DELETE FROM "GpuRollupHourPending" WHERE "id" = ANY($1::int8[])`, [ids]);
  }
  return result;
}
