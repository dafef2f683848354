import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../lib/database/migrations";
import { createEmptyDatabase, migrationsDir, testDatabaseKind, type TestDatabase } from "../../support/test-database";

// Versions stored before the cleaned hash existed get it from the migration,
// computed by the database from the bytes they already hold. A database of
// its own (not the file's migrated one): migrated up to just before, given
// rows, then migrated the rest of the way.
const MIGRATION = "20261204030000_dataset_cleaned_hash";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let database: TestDatabase;
let before: string;

beforeAll(async () => {
  database = await createEmptyDatabase(testDatabaseKind());
  before = await mkdtemp(path.join(tmpdir(), "rackmind-migrations-"));
  const earlier = (await readdir(migrationsDir, { withFileTypes: true })).filter(
    (e) => e.isDirectory() && e.name < MIGRATION,
  );
  for (const e of earlier) await cp(path.join(migrationsDir, e.name), path.join(before, e.name), { recursive: true });
  await applyMigrations(database.url, before);
});

afterAll(async () => {
  await database?.drop();
  if (before) await rm(before, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("migration 20261204030000: the cleaned hash", () => {
  it("backfills every existing version with the sha256 of its cleaned bytes, and hashes new ones", async () => {
    const [dataset] = await query<{ id: string }>(
      `INSERT INTO "Dataset" ("name", "createdBy") VALUES ('old', 'test') RETURNING "id"`,
    );
    const insert = `INSERT INTO "DatasetVersion" ("datasetId", "version", "contentHash", "options", "columns", "cleaning", "sourceRows", "rows", "source", "cleaned", "createdBy")
      VALUES ($1, $2, 'same-bytes', '{}', '[]', '{}', 1, 1, $3, $4, 'test')`;
    await query(insert, [dataset!.id, 1, Buffer.from("a,y\n0,x\n"), Buffer.from('{"zeroMissing":false}')]);
    await query(insert, [dataset!.id, 2, Buffer.from("a,y\n0,x\n"), Buffer.from('{"zeroMissing":true}')]);

    const { applied } = await applyMigrations(database.url, migrationsDir);
    expect(applied).toContain(MIGRATION);
    const rows = await query<{ version: number; cleanedHash: string }>(
      `SELECT "version", "cleanedHash" FROM "DatasetVersion" ORDER BY "version"`,
    );
    expect(rows).toEqual([
      { version: 1, cleanedHash: sha256('{"zeroMissing":false}') },
      { version: 2, cleanedHash: sha256('{"zeroMissing":true}') },
    ]);

    await query(insert, [dataset!.id, 3, Buffer.from("x"), Buffer.from("new")]);
    const [v3] = await query<{ cleanedHash: string }>(`SELECT "cleanedHash" FROM "DatasetVersion" WHERE "version" = 3`);
    expect(v3!.cleanedHash).toBe(sha256("new"));
  });
});
