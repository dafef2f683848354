import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { isAlive, startEmbeddedDatabase } from "../../lib/database/embedded";
import { applyMigrations } from "../../lib/database/migrations";
import { loadPgliteTemplate } from "./pglite-templates";

export type TestDatabase = { kind: "pglite" | "postgres"; url: string; drop: () => Promise<void> };

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** A fresh empty database: in-memory PGlite behind its socket, or a new database on the server. */
export async function createEmptyDatabase(
  kind: "pglite" | "postgres",
  template: "empty" | "migrated" = "empty",
): Promise<TestDatabase> {
  if (kind === "pglite") {
    const embedded = await startEmbeddedDatabase({ dataDir: null, loadDataDir: await loadPgliteTemplate(template) });
    return { kind, url: embedded.url, drop: embedded.stop };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `rackmind_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Drops server test databases whose creating process has exited. A file whose
 * tests are all skipped on this database never runs its afterAll, so its
 * database would stay behind, one per `npm test`.
 */
export async function dropOrphanedTestDatabases(): Promise<string[]> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return [];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const names = (
      await admin.query<{ name: string }>(
        `SELECT datname AS name FROM pg_database WHERE datname LIKE 'rackmind\\_t\\_%'`,
      )
    ).rows.map((r) => r.name);
    const orphans = names.filter((name) => !isAlive(Number(name.split("_")[2])));
    for (const name of orphans) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return orphans;
  } finally {
    await admin.end();
  }
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  const database = await createEmptyDatabase(kind, "migrated");
  // A no-op on the migrated PGlite template; applies everything on a new server database.
  await applyMigrations(database.url, migrationsDir);
  return database;
}

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.RACKMIND_TEST_DB === "postgres" ? "postgres" : "pglite";
}
