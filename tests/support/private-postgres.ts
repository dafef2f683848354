import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./launcher";

// A PostgreSQL server of the tests' own (initdb in a temporary folder, a free
// port), so fault tests can stop, start and restart it without touching the
// shared server. Uses the Debian packages' binaries; as root it runs them as
// the postgres user, as the server refuses to run as root.

const BIN_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin folder, or why there is none. */
export function postgresBin(): { bin: string } | { missing: string } {
  if (!existsSync(BIN_ROOT)) return { missing: `no PostgreSQL server binaries under ${BIN_ROOT}` };
  const versions = readdirSync(BIN_ROOT)
    .filter((v) => existsSync(path.join(BIN_ROOT, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? { bin: path.join(BIN_ROOT, versions[0], "bin") } : { missing: `no pg_ctl under ${BIN_ROOT}` };
}

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN), for a data folder that can fill up. */
export function canMountTmpfs(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), "rackmind-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "pipe" });
    execFileSync("umount", [dir], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type PrivatePostgres = {
  /** With `dataDiskMiB`: the mounted folder holding the data files (a test may fill it), else null. */
  dataMount: string | null;
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<string>;
  /** Asynchronous, so the test's clients keep running while the server goes down and up. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  destroy: () => void;
  log: () => string;
};

/**
 * `dataDiskMiB`: the data files live on a tmpfs of that size (the write-ahead
 * log stays on the ordinary disk, so a full data disk fails statements with
 * SQLSTATE 53100 rather than stopping the server).
 */
export async function startPrivatePostgres(options: { dataDiskMiB?: number } = {}): Promise<PrivatePostgres> {
  const found = postgresBin();
  if ("missing" in found) throw new Error(found.missing);
  const dir = mkdtempSync(path.join(tmpdir(), "rackmind-pg-"));
  const mount = options.dataDiskMiB ? path.join(dir, "disk") : null;
  const data = mount ? path.join(mount, "data") : path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    if (mount) {
      mkdirSync(mount);
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${options.dataDiskMiB}m`, "tmpfs", mount], { stdio: "pipe" });
      chownSync(mount, uid, gid);
    }
  } else if (mount) {
    throw new Error("a data disk of limited size needs root (to mount a tmpfs)");
  }
  const argv = (tool: string, args: string[]): [string, string[]] => {
    const cmd = path.join(found.bin, tool);
    return asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  };
  const run = (tool: string, args: string[]) => execFileSync(...argv(tool, args), { stdio: "pipe" });
  const runAsync = async (tool: string, args: string[]) => {
    await promisify(execFile)(...argv(tool, args));
  };
  const wal = mount ? ["--waldir", path.join(dir, "wal")] : [];
  run("initdb", ["-D", data, ...wal, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const startArgs = ["-D", data, "-o", serverOptions, "-l", logFile, "-w", "-t", "60", "start"];
  run("pg_ctl", startArgs);
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    dataMount: mount,
    url,
    createDatabase: async (name) => {
      const c = new pg.Client({ connectionString: url("postgres") });
      await c.connect();
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
      return url(name);
    },
    // Fast shutdown: connected clients are cut off, as when a server is restarted for maintenance.
    stop: () => runAsync("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    start: () => runAsync("pg_ctl", startArgs),
    restart: () => runAsync("pg_ctl", ["-D", data, "-o", serverOptions, "-l", logFile, "-m", "fast", "-w", "restart"]),
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      if (mount) execFileSync("umount", ["-l", mount], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => {
      try {
        return execFileSync("tail", ["-n", "40", logFile]).toString();
      } catch {
        return "";
      }
    },
  };
}

/**
 * Why a test against a private server and `npm start` cannot run here, or
 * null: it runs once per `npm test` (under the PGlite project, as its database
 * is its own), and needs the server binaries (and, for a small data disk, root).
 */
export function privateServerSkipReason(kind: "pglite" | "postgres", needs: { tmpfs?: boolean } = {}): string | null {
  if (kind !== "pglite") return "runs once, under the PGlite project";
  const bin = postgresBin();
  if ("missing" in bin) return bin.missing;
  if (needs.tmpfs && !canMountTmpfs()) return "cannot mount a tmpfs here (needs root)";
  return null;
}
