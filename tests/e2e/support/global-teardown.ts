import { existsSync, rmSync } from "node:fs";
import { readState, statePath } from "./state";
import { stopServer } from "./server-process";

export default async function globalTeardown(): Promise<void> {
  // Setup failed before the server was up: nothing to stop (setup's exit hook covers a half-started one).
  if (!existsSync(statePath)) return;
  const state = readState();
  await stopServer(state.pid);
  rmSync(state.dataDir, { recursive: true, force: true });
  rmSync(statePath, { force: true });
}
