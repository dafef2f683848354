import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma as PrismaRuntime, PrismaClient } from "./generated/prisma/client";
import { getConfig } from "./config";
import { closePool } from "./database/pool";
import { SESSION_OPTIONS } from "./database/session-options";

import type { Prisma } from "./generated/prisma/client";

export type { Prisma };
/** The client inside `db.$transaction(async (tx) => …)`: pass it to recordAudit. */
export type Tx = Prisma.TransactionClient;
/** SQL NULL for a nullable Json column (Prisma refuses a plain null there). */
export const DbNull = PrismaRuntime.DbNull;

// One client per process. Next.js dev reloads modules, so it is kept on globalThis.
const holder = globalThis as unknown as { rackmindDb?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, RACKMIND_DB_KIND } = getConfig();
  // Building the client connects nothing, so `next build` works without a database;
  // the first query fails with this message when the launcher was bypassed.
  const connectionString = DATABASE_URL ?? "postgresql://unset.invalid/DATABASE_URL-is-not-set";
  // PGlite is one session behind a multiplexer: more connections only queue there.
  const max = RACKMIND_DB_KIND === "pglite" ? 4 : 10;
  const adapter = new PrismaPg({ connectionString, max, options: SESSION_OPTIONS });
  // PGlite is one session, so transactions queue behind each other there; Prisma's
  // default 2 s wait for a transaction to start is too short under load.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

/** The one Prisma client of this process. */
export const db: PrismaClient = (holder.rackmindDb ??= createClient());

/** Closes Prisma's pool and the raw `pg` pool; used by tests and by processes that stop. */
export async function disconnectDb(): Promise<void> {
  await holder.rackmindDb?.$disconnect();
  holder.rackmindDb = undefined;
  await closePool();
}
