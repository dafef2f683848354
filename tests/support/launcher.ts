import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../../scripts/launcher/free-port";

export { freePort };

const root = path.resolve(import.meta.dirname, "../..");

export type RunningApp = {
  baseUrl: string;
  /** The serving process's port (predictions). */
  servingUrl: string;
  output: () => string;
  stop: () => Promise<number | null>;
  proc: ChildProcess;
};

/**
 * Runs `npm start`'s launcher (scripts/start.ts) as a real process group and
 * waits for its "running" line. `env` replaces DATABASE_URL and friends.
 */
export async function startApp(env: Record<string, string | undefined>, timeoutMs = 180_000): Promise<RunningApp> {
  const port = await freePort();
  const servingPort = await freePort();
  const cleanEnv = { ...process.env };
  for (const k of [
    "DATABASE_URL",
    "RACKMIND_DB_KIND",
    "RACKMIND_ADMIN_TOKEN",
    "RACKMIND_ADMIN_PASSWORD",
    "NODE_ENV",
    "VITEST",
    "VITEST_POOL_ID",
    "VITEST_WORKER_ID",
  ])
    delete cleanEnv[k];
  const proc = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/start.ts")],
    {
      cwd: root,
      env: {
        ...cleanEnv,
        LOG_LEVEL: "info",
        PORT: String(port),
        RACKMIND_SERVING_PORT: String(servingPort),
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes("Rackmind is running")) {
    if (proc.exitCode !== null) throw new Error(`launcher exited with ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      process.kill(-proc.pid!, "SIGKILL");
      throw new Error(`launcher did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    servingUrl: `http://127.0.0.1:${servingPort}`,
    output: () => out,
    proc,
    stop: async () => {
      process.kill(proc.pid!, "SIGTERM");
      const timer = setTimeout(() => process.kill(-proc.pid!, "SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
