import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../../lib/database/embedded";
import { loadPgliteTemplate } from "../../support/pglite-templates";

// The embedded database's socket serves many connections on PGlite's one
// session (lib/database/pglite-wire-queue.ts). These run on an embedded
// database of their own whatever the test project's database kind is.
let embedded: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase({ dataDir: null, loadDataDir: await loadPgliteTemplate("empty") });
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter SELECT g, 0 FROM generate_series(1, 5) g");
});
afterAll(async () => {
  await pool.end();
  await embedded.stop();
});

describe("embedded database: concurrent connections", () => {
  it("keeps each connection's parameterised queries and transactions whole while others query", async () => {
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 60; i++) {
          try {
            if (w % 2 === 0) {
              const c = await pool.connect();
              try {
                await c.query("BEGIN");
                await c.query("UPDATE counter SET n = n + $1 WHERE id = $2", [1, 1 + (i % 5)]);
                await c.query("COMMIT");
              } finally {
                c.release();
              }
            } else {
              // A different number of parameters per query: a Bind meeting another connection's Parse fails loudly.
              const args = Array.from({ length: 1 + ((w + i) % 4) }, (_, k) => k + 1);
              const { rows } = await pool.query(
                `SELECT ${args.map((_, k) => `$${k + 1}::int`).join(" + ")} AS s`,
                args,
              );
              if (rows[0].s !== args.reduce((a, b) => a + b, 0)) failures.push(`wrong sum ${rows[0].s}`);
            }
          } catch (err) {
            failures.push((err as Error).message);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    const { rows } = await pool.query<{ total: number }>("SELECT sum(n)::int AS total FROM counter");
    expect(rows[0]!.total).toBe(4 * 60);
  });

  it("frees the session when a connection disappears inside a transaction", async () => {
    const c = new pg.Client({ connectionString: embedded.url });
    c.on("error", () => undefined);
    await c.connect();
    await c.query("BEGIN");
    await c.query("UPDATE counter SET n = -1000 WHERE id = 1");
    // Gone without COMMIT: its transaction rolls back and others go on.
    (c as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(0);
  });
});
