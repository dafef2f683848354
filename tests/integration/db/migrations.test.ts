import { cp, mkdtemp, writeFile, mkdir, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../lib/database/migrations";
import { createEmptyDatabase, migrationsDir, testDatabaseKind, type TestDatabase } from "../../support/test-database";

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.drop()));
});

async function freshDatabase() {
  const d = await createEmptyDatabase(testDatabaseKind());
  opened.push(d);
  return d;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "rackmind-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const d = await freshDatabase();
    const first = await applyMigrations(d.url, migrationsDir);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await applyMigrations(d.url, migrationsDir);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(d.url, `SELECT * FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(first.applied);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const d = await freshDatabase();
    const dir = await copyMigrations();
    await applyMigrations(d.url, dir);
    const [first] = await query<{ migration_name: string }>(
      d.url,
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at LIMIT 1`,
    );
    await appendFile(path.join(dir, first!.migration_name, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(d.url, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("leaves nothing behind when a migration fails, so a fixed one applies cleanly", async () => {
    const d = await freshDatabase();
    const dir = await copyMigrations();
    await applyMigrations(d.url, dir);
    const bad = path.join(dir, "29991231000000_broken");
    await mkdir(bad);
    await writeFile(path.join(bad, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "no_such_table";\n`);
    await expect(applyMigrations(d.url, dir)).rejects.toThrow(/29991231000000_broken failed/);
    expect(await query(d.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);
    expect(
      await query(d.url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`),
    ).toEqual([]);
    await writeFile(path.join(bad, "migration.sql"), `CREATE TABLE "Half" (id int);\n`);
    expect((await applyMigrations(d.url, dir)).applied).toEqual(["29991231000000_broken"]);
  });

  it("lets concurrent starters race without applying anything twice", async () => {
    const d = await freshDatabase();
    const results = await Promise.all([applyMigrations(d.url, migrationsDir), applyMigrations(d.url, migrationsDir)]);
    const total = results.reduce((n, r) => n + r.applied.length, 0);
    const rows = await query(d.url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(total).toBe(rows.length);
  });
});
