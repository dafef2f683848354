import type { ChildProcess } from "node:child_process";

// Global setup and teardown run in the same runner process, so the launcher's
// ChildProcess handle is kept here for teardown to wait on its real exit.
let server: ChildProcess | undefined;

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone already
  }
}

export function holdServer(child: ChildProcess): void {
  server = child;
  // Backstop for a runner that dies between setup and teardown: never leave a server behind.
  process.once("exit", () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) signalGroup(child.pid, "SIGKILL");
  });
}

async function waitForExit(child: ChildProcess | undefined, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = child ? child.exitCode !== null || child.signalCode !== null : !signalGroup(pid, 0);
    if (exited) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * SIGTERM to the launcher's process group (launcher, web, worker), which then
 * stops PGlite cleanly; SIGKILL whatever is left after `graceMs`.
 */
export async function stopServer(pid: number, graceMs = 20_000): Promise<void> {
  const child = server?.pid === pid ? server : undefined;
  if (!signalGroup(pid, "SIGTERM")) return;
  if (!(await waitForExit(child, pid, graceMs))) signalGroup(pid, "SIGKILL");
  // The launcher may exit before its children; give the group a moment, then make sure.
  await waitForExit(undefined, pid, 5_000);
  signalGroup(pid, "SIGKILL");
}
