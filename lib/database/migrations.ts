import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies Prisma-format migration folders (prisma/migrations/<name>/migration.sql)
 * and records them in Prisma's own `_prisma_migrations` table, so that
 * `prisma migrate status|deploy` on a machine with Prisma's engines sees the same
 * history. Prisma's CLI cannot run here (its engine download is blocked).
 *
 * Unlike Prisma, each migration runs in one transaction together with its history
 * row: a failing migration leaves nothing behind and can simply be retried.
 */

export type MigrationResult = { applied: string[]; alreadyApplied: number };

const LOCK_KEY = 7270_2026; // any constant; shared by every Rackmind process

// Prisma's DDL for its history table (schema-engine, postgres flavour).
const HISTORY_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma/migrations");

type Migration = { name: string; sql: string; checksum: string };
type HistoryRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

function checkHistory(history: HistoryRow[], migrations: Migration[]): Set<string> {
  const known = new Map(migrations.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of history) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(
        `Migration ${row.migration_name} failed earlier and was not resolved; fix the database, then mark it rolled back.`,
      );
    }
    const migration = known.get(row.migration_name);
    if (migration && migration.checksum !== row.checksum) {
      throw new Error(`Migration ${row.migration_name} was edited after it was applied; add a new migration instead.`);
    }
    done.add(row.migration_name);
  }
  return done;
}

/** Applies every pending migration to the database at `connectionString`. */
export async function applyMigrations(connectionString: string, dir = defaultMigrationsDir): Promise<MigrationResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Several processes may start at once (web, worker, a second machine).
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(HISTORY_DDL);
    const { rows } = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const done = checkHistory(rows, migrations);
    const applied: string[] = [];
    for (const m of migrations.filter((x) => !done.has(x.name))) {
      if (await applyOne(client, m)) applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Applies one migration; false when another process applied it meanwhile. */
async function applyOne(client: pg.Client, m: Migration): Promise<boolean> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    // The advisory lock serialises runners on a server. PGlite is one session, so
    // the lock is re-entrant there; instead its multiplexer holds other
    // connections' statements while this transaction is open, and this re-check
    // then sees the finished row.
    const { rowCount } = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      [m.name],
    );
    if (rowCount) {
      await client.query("COMMIT");
      return false;
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, m.checksum, m.name],
    );
    await client.query(m.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
      id,
    ]);
    await client.query("COMMIT");
    return true;
  } catch (err) {
    await client.query("ROLLBACK");
    throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
  }
}
