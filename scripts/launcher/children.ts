import { spawn, type ChildProcess } from "node:child_process";

export type Child = {
  name: string;
  /** The running process (a supervised child's changes when it is restarted). */
  proc: ChildProcess;
  /** Resolves when the child is gone for good. */
  exited: Promise<number | null>;
  /** Marks a stop as wanted, so a supervised child is not restarted. */
  markStopping?: () => void;
  /** How often a supervised child was restarted. */
  restarts?: () => number;
};

/** Starts a child process whose output goes to ours, line for line. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<number | null>((resolve) =>
    proc.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  return { name, proc, exited };
}

/** Deaths within this window count towards giving up. */
const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES = 5;

/**
 * A child the launcher restarts when it dies on its own (a crash, SIGKILL,
 * the OOM killer), after a pause that doubles while it keeps dying. `exited`
 * resolves only when it is stopped on purpose, or when it died five times
 * within a minute (then the launcher gives up and stops everything).
 */
export function startSupervisedChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: (msg: string, fields: Record<string, unknown>) => void,
): Child {
  let isStopping = false;
  let restarts = 0;
  const deaths: number[] = [];
  let resolveExited: (code: number | null) => void = () => undefined;
  const child: Child = {
    name,
    proc: undefined as unknown as ChildProcess,
    exited: new Promise((r) => (resolveExited = r)),
    markStopping: () => {
      isStopping = true;
      // Dead and waiting to be restarted: it is gone for good now.
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) resolveExited(child.proc.exitCode);
    },
    restarts: () => restarts,
  };
  const launch = () => {
    const current = startChild(name, command, args, env);
    child.proc = current.proc;
    void current.exited.then((code) => {
      if (isStopping) return resolveExited(code);
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && now - deaths[0]! > CRASH_WINDOW_MS) deaths.shift();
      if (deaths.length >= MAX_CRASHES) {
        log(`${name} died ${deaths.length} times within a minute; giving up`, { code });
        return resolveExited(code);
      }
      const inMs = Math.min(30_000, 500 * 2 ** (deaths.length - 1));
      log(`${name} exited unexpectedly; restarting it`, { code, inMs });
      setTimeout(() => {
        if (isStopping) return resolveExited(code);
        restarts++;
        launch();
      }, inMs);
    });
  };
  launch();
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs` for any child that has not stopped. */
export async function stopChildren(children: Child[], graceMs: number): Promise<void> {
  await Promise.all(
    children.map(async (c) => {
      c.markStopping?.();
      if (c.proc.exitCode === null && c.proc.signalCode === null) {
        c.proc.kill("SIGTERM");
        const timer = setTimeout(() => c.proc.kill("SIGKILL"), graceMs);
        await c.exited;
        clearTimeout(timer);
      }
      await c.exited;
    }),
  );
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isDead: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`the process serving ${url} exited`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
