// The server closing an idle connection (restart, failover, an admin) must not
// take the process down: pg emits 'error' on the pool for it, and an 'error'
// event nobody handles is an uncaught exception.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../lib/database/pool";
import { testDatabaseKind } from "../../support/test-database";

describe.skipIf(testDatabaseKind() !== "postgres")("the raw pg pool", () => {
  it("survives the server terminating its idle connection, and answers again", async () => {
    const pool = getPool();
    const pid = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const uncaught: unknown[] = [];
      const onUncaught = (err: unknown) => uncaught.push(err);
      process.on("uncaughtException", onUncaught);
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await new Promise((r) => setTimeout(r, 300));
      process.off("uncaughtException", onUncaught);
      expect(uncaught).toEqual([]);
      expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
