// Runs before each integration test file: gives the file its own migrated
// database and points lib/db at it, so files can run in parallel.
import { afterAll } from "vitest";
import { resetConfig } from "../../lib/config";
import { createTestDatabase, testDatabaseKind } from "./test-database";

const database = await createTestDatabase(testDatabaseKind());
process.env.DATABASE_URL = database.url;
process.env.RACKMIND_DB_KIND = database.kind;
resetConfig();

afterAll(async () => {
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
  await database.drop();
});
