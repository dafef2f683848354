import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../launcher/free-port";

// `npm start` as the soak runs it: the real launcher (web, worker, serving) as
// its own process group on free ports, on a fresh embedded database unless
// DATABASE_URL names a server.

const root = path.resolve(import.meta.dirname, "../..");

export type SoakApp = {
  baseUrl: string;
  servingUrl: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

export async function startSoakApp(env: Record<string, string>): Promise<SoakApp> {
  const [port, servingPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/start.ts")],
    {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(port),
        RACKMIND_SERVING_PORT: String(servingPort),
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        ...(process.env.DATABASE_URL ? {} : { RACKMIND_DATA_DIR: mkdtempSync(path.join(tmpdir(), "rackmind-soak-")) }),
        ...env,
      },
    },
  );
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 300_000;
  while (!out.includes("Rackmind is running")) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up within 300 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    servingUrl: `http://127.0.0.1:${servingPort}`,
    pid: child.pid!,
    output: () => out,
    stop: async () => {
      process.kill(child.pid!, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
