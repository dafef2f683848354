import type pg from "pg";

/**
 * Day partitions of "GpuSample", named GpuSample_YYYYMMDD and covering one UTC day.
 * Retention drops whole partitions, which is instant, where DELETE would have to
 * visit every row and leave the table bloated.
 */
const known = new Set<string>();

export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function partitionName(day: string): string {
  return `GpuSample_${day.replaceAll("-", "")}`;
}

/** Creates the partitions for these UTC days (YYYY-MM-DD) unless they exist. */
export async function ensurePartitions(client: pg.Pool | pg.PoolClient, days: Iterable<string>): Promise<void> {
  for (const day of days) {
    if (known.has(day)) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
    const next = dayOf(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
    // IF NOT EXISTS makes concurrent ingesters safe; names are built from a checked date.
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${partitionName(day)}" PARTITION OF "GpuSample" FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`,
    );
    known.add(day);
  }
}

export async function listPartitionDays(client: pg.Pool): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'GpuSample' ORDER BY 1`,
  );
  return rows.map((r) => r.name.replace(/^GpuSample_(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"));
}

/** Drops the partitions of days entirely before `cutoffDay`; returns the days dropped. */
export async function dropPartitionsBefore(client: pg.Pool, cutoffDay: string): Promise<string[]> {
  const dropped: string[] = [];
  for (const day of await listPartitionDays(client)) {
    if (day >= cutoffDay) continue;
    await client.query(`DROP TABLE IF EXISTS "${partitionName(day)}"`);
    known.delete(day);
    dropped.push(day);
  }
  return dropped;
}

/** Forgets which partitions exist (tests that drop databases call this). */
export function forgetPartitions(): void {
  known.clear();
}
