import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
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

export type PrivatePostgres = {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<string>;
  /** Asynchronous, so the test's clients keep running while the server goes down and up. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  destroy: () => void;
  log: () => string;
};

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const found = postgresBin();
  if ("missing" in found) throw new Error(found.missing);
  const dir = mkdtempSync(path.join(tmpdir(), "rackmind-pg-"));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const argv = (tool: string, args: string[]): [string, string[]] => {
    const cmd = path.join(found.bin, tool);
    return asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  };
  const run = (tool: string, args: string[]) => execFileSync(...argv(tool, args), { stdio: "pipe" });
  const runAsync = async (tool: string, args: string[]) => {
    await promisify(execFile)(...argv(tool, args));
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const startArgs = ["-D", data, "-o", options, "-l", logFile, "-w", "-t", "60", "start"];
  run("pg_ctl", startArgs);
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
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
    restart: () => runAsync("pg_ctl", ["-D", data, "-o", options, "-l", logFile, "-m", "fast", "-w", "restart"]),
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
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
