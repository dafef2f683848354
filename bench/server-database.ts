import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Runs `fn` against a throwaway database on the PostgreSQL server named by
 * RACKMIND_BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server;
 * the database is dropped afterwards, whatever happened.
 */
export async function withServerDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const admin =
    process.env.RACKMIND_BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `rackmind_bench_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  }
}
