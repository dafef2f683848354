import "server-only";
import pg from "pg";
import { getConfig } from "../config";
import { logger } from "../observability/logger";
import { SESSION_OPTIONS } from "./session-options";

// A plain `pg` pool beside Prisma for the few hot paths Prisma cannot serve well:
// telemetry ingest sends hundreds of thousands of values as arrays in one
// statement, and partition maintenance is DDL.
const holder = globalThis as unknown as { rackmindPool?: pg.Pool };

export function getPool(): pg.Pool {
  if (!holder.rackmindPool) {
    const { DATABASE_URL, RACKMIND_DB_KIND } = getConfig();
    holder.rackmindPool = new pg.Pool({
      connectionString: DATABASE_URL ?? "postgresql://unset.invalid/DATABASE_URL-is-not-set",
      max: RACKMIND_DB_KIND === "pglite" ? 2 : 8,
      options: SESSION_OPTIONS,
    });
    // An idle connection the server closes (a restart, a failover, an admin
    // terminating it) emits 'error' on the pool; unhandled, that would crash
    // the process. The pool drops the client and opens a new one when needed.
    holder.rackmindPool.on("error", (err) => logger.warn({ err }, "an idle database connection was closed"));
  }
  return holder.rackmindPool;
}

export async function closePool(): Promise<void> {
  await holder.rackmindPool?.end();
  holder.rackmindPool = undefined;
}
