import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** What the global setup learned from starting Rackmind, for the tests to use. */
export const E2eState = z.object({
  baseURL: z.url(),
  adminToken: z.string().min(16),
  users: z.object({ admin: z.string().min(1), operator: z.string().min(1), viewer: z.string().min(1) }),
  /** The launcher's pid, which is also its process group id (it is started detached). */
  pid: z.number().int().positive(),
  dataDir: z.string().min(1),
  logPath: z.string().min(1),
});
export type E2eState = z.infer<typeof E2eState>;
export type DemoUser = keyof E2eState["users"];

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
/** Scratch space for e2e runs; `.test-tmp/` is gitignored. */
export const e2eTmpDir = path.join(repoRoot, ".test-tmp/e2e");
export const statePath = process.env.RACKMIND_E2E_STATE ?? path.join(e2eTmpDir, "state.json");

let cached: E2eState | undefined;

export function readState(): E2eState {
  cached ??= E2eState.parse(JSON.parse(readFileSync(statePath, "utf8")));
  return cached;
}
