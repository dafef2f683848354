/**
 * The processes the serving bench runs, each its own OS process as in
 * production: the serving process (`npm run serve`), the web app (`next
 * start`, which forwards predictions to it), the bare node:http baseline and
 * the autocannon load generator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ensureBuild } from "../scripts/launcher/build";

const root = path.resolve(import.meta.dirname, "..");
const tsx = (entry: string) => ["--conditions=react-server", "--import", "tsx", path.join(root, entry)];

export type BenchProcess = { proc: ChildProcess; output: () => string; stop: () => Promise<void> };

function start(args: string[], env: NodeJS.ProcessEnv): BenchProcess {
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
  return {
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until it is true; fails with the process's output if it dies or time runs out. */
export async function waitUntil(p: BenchProcess, what: string, probe: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (p.proc.exitCode !== null) throw new Error(`${what}: the process exited:\n${p.output().slice(-3000)}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: timed out:\n${p.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `npm run serve`; `profileDir` adds V8's --cpu-prof (written when it stops). */
export function startServingProcess(env: NodeJS.ProcessEnv, profileDir?: string): BenchProcess {
  const prof = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  return start([...prof, ...tsx("serving/main.ts")], { ...env, RACKMIND_PROCESS: "serving" });
}

/** `next start` on `port`, building first if the build is stale (as the launcher does); `profileDir` as for serving. */
export function startWebProcess(env: NodeJS.ProcessEnv, port: number, profileDir?: string): BenchProcess {
  ensureBuild(root, (msg) => console.error(msg));
  const prof = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  return start([...prof, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    ...env,
    RACKMIND_PROCESS: "web",
  });
}

/** The baseline server, answering `body`; resolves with it and its port. */
export async function startBaselineProcess(body: string): Promise<BenchProcess & { port: number }> {
  const p = start([...tsx("bench/constant-json-server.ts"), body], process.env);
  let port = 0;
  await waitUntil(p, "baseline server", async () => {
    port = Number(/listening (\d+)/.exec(p.output())?.[1] ?? 0);
    return port > 0;
  });
  return { ...p, port };
}

export type LoadResult = {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cores: number;
};

/** One autocannon run in its own process. */
export async function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  bodies: string[];
}): Promise<LoadResult> {
  const p = start([...tsx("bench/load-process.ts"), JSON.stringify(options)], process.env);
  await new Promise<void>((resolve) => p.proc.on("exit", () => resolve()));
  const line = p.output().trim().split("\n").pop() ?? "";
  if (p.proc.exitCode !== 0 || !line.startsWith("{")) throw new Error(`autocannon failed:\n${p.output()}`);
  return JSON.parse(line) as LoadResult;
}

/** CPU seconds (user + system, all threads) a process has used, from /proc (Linux). */
export async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}
