import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { pinWireConversations } from "./pglite-wire-queue";

export type EmbeddedDatabase = {
  /** A postgres:// URL on 127.0.0.1 that every process uses through `pg`. */
  url: string;
  stop: () => Promise<void>;
};

/**
 * Runs PGlite (Postgres in WASM) from `dataDir` (or in memory when null) and serves
 * it on a loopback port over the Postgres wire protocol, so the app, the worker and
 * migrations all take the same `pg` path as with a PostgreSQL server.
 *
 * PGlite is one session: the socket server multiplexes connections and queues a
 * connection's queries while another holds a transaction open.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string | null;
  port?: number;
  /** Start from a dump made by PGlite's dumpDataDir() (tests use a migrated template). */
  loadDataDir?: Blob;
}): Promise<EmbeddedDatabase> {
  let releaseLock = async () => {};
  let pglite: PGlite;
  if (opts.dataDir) {
    const dir = path.resolve(opts.dataDir);
    await mkdir(dir, { recursive: true });
    releaseLock = await lockDataDir(dir);
    pglite = await PGlite.create(path.join(dir, "pgdata"));
  } else {
    pglite = await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  }
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 64 });
  pinWireConversations(server);
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await pglite.close();
      await releaseLock();
    },
  };
}

// Only one process may open a PGlite folder; two would corrupt it. A pid file
// turns that into a clear error instead.
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dir, "rackmind.pid");
  const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dir} is in use by process ${holder}. Stop it first, or set RACKMIND_DATA_DIR to another folder.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

/** Whether a process with this pid exists (EPERM: it does, owned by someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
