import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getConfig } from "../../lib/config";

const root = path.resolve(import.meta.dirname, "../..");

export type WorkerProcess = {
  proc: ChildProcess;
  output: () => string;
  owner: () => string | null;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * `npm run worker` as a real process against `databaseUrl`, with short leases
 * and fast scheduling passes so crash recovery shows within seconds. Resolves
 * once the worker logged that it started (and its lease owner id).
 */
export async function startWorkerProcess(
  databaseUrl: string,
  kind: "pglite" | "postgres",
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<WorkerProcess> {
  const clean = { ...process.env };
  for (const k of ["VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_ENV"]) delete clean[k];
  const proc = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "worker/main.ts")],
    {
      cwd: root,
      env: {
        ...clean,
        DATABASE_URL: databaseUrl,
        RACKMIND_DB_KIND: kind,
        LOG_LEVEL: "info",
        RACKMIND_JOB_LEASE_SECONDS: "3",
        RACKMIND_JOB_HEARTBEAT_MS: "300",
        RACKMIND_SCHEDULER_INTERVAL_MS: "250",
        RACKMIND_JOB_CLAIM_SECONDS: "5",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const owner = () => /"owner":"([^"]+)"/.exec(out)?.[1] ?? null;
  const deadline = Date.now() + timeoutMs;
  while (!/"msg":"worker started"/.test(out)) {
    if (proc.exitCode !== null) throw new Error(`worker exited with ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`worker did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    output: () => out,
    owner,
    kill: async (signal = "SIGTERM") => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await exited;
    },
  };
}

/**
 * Worker processes a test file starts against its own database (the one its
 * setup configured): `start` another, `killAll` after each test, `outputs`
 * for a failure's diagnostics.
 */
export function testWorkers() {
  const list: WorkerProcess[] = [];
  return {
    start: async () => {
      const { DATABASE_URL, RACKMIND_DB_KIND } = getConfig();
      const w = await startWorkerProcess(DATABASE_URL!, RACKMIND_DB_KIND ?? "pglite");
      list.push(w);
      return w;
    },
    killAll: async () => {
      await Promise.all(list.splice(0).map((w) => w.kill("SIGKILL")));
    },
    outputs: () => list.map((w, i) => `--- worker ${i} ---\n${w.output().slice(-4000)}`).join("\n"),
  };
}
