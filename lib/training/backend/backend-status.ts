/**
 * The TF.js backend as /api/health reports it, without loading TF.js in the
 * web process (it is large, and the web app never trains).
 *
 * Two sources, best first:
 * 1. what a worker last actually loaded: executeTrainingRun records the
 *    training thread's BackendReport in the Setting table ("worker");
 * 2. until any worker has trained, what the loader WOULD pick here, judged from
 *    installed files only ("predicted"). A prediction can be wrong in one way:
 *    a tfjs-node whose native library is present but fails to load.
 * The worker's record wins because it is the truth on the machine that trains,
 * which may not be this one.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getConfig } from "../../config";
import { db } from "../../db";
import { backendOrder, type BackendAttempt, type BackendReport } from "./backend-order";
import type { BackendName } from "../schemas";

export type TfHealth = {
  backend: BackendName | null;
  tried: BackendAttempt[];
  source: "worker" | "predicted";
  simd?: boolean;
  /** When a worker recorded it (ISO-8601). */
  at?: string;
};

const KEY = "training.backend";
const Recorded = z.object({
  backend: z.enum(["tensorflow", "wasm", "cpu"]),
  tried: z.array(z.object({ name: z.enum(["tensorflow", "wasm", "cpu"]), error: z.string() })),
  simd: z.boolean().optional(),
  at: z.string(),
});

/** Called by executeTrainingRun when a training thread has loaded its backend. */
export async function recordTrainingBackend(report: BackendReport, recordedBy = "worker"): Promise<void> {
  const value = { ...report, at: new Date().toISOString() };
  await db.setting.upsert({
    where: { key: KEY },
    create: { key: KEY, value, updatedBy: recordedBy },
    update: { value, updatedBy: recordedBy },
  });
}

export async function getTrainingBackendStatus(): Promise<TfHealth> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const recorded = Recorded.safeParse(row?.value);
  if (recorded.success) return { ...recorded.data, source: "worker" };
  return { ...predictTrainingBackend(getConfig().TFJS_BACKEND), source: "predicted" };
}

/** Walks up from the working directory like Node's resolver, looking for an installed package's directory. */
function packageDir(name: string): string | null {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

function unavailableReason(name: BackendName): string | null {
  if (name === "cpu") return null;
  if (name === "tensorflow") {
    const dir = packageDir("@tensorflow/tfjs-node");
    if (!dir) return "@tensorflow/tfjs-node is not installed";
    // tfjs-node's install step downloads libtensorflow and builds lib/napi-v*/tfjs_binding.node; without it the import fails.
    const lib = path.join(dir, "lib");
    const hasBinding =
      existsSync(lib) &&
      readdirSync(lib).some((d) => d.startsWith("napi-v") && existsSync(path.join(lib, d, "tfjs_binding.node")));
    return hasBinding
      ? null
      : "@tensorflow/tfjs-node is installed without its native binding (libtensorflow was not downloaded)";
  }
  if (typeof WebAssembly !== "object") return "this runtime has no WebAssembly";
  const dir = packageDir("@tensorflow/tfjs-backend-wasm");
  return dir && existsSync(path.join(dir, "dist", "tfjs-backend-wasm.wasm"))
    ? null
    : "@tensorflow/tfjs-backend-wasm is not installed";
}

/** What loadTrainingBackend would choose, from installed files alone. */
export function predictTrainingBackend(preferred?: BackendName): { backend: BackendName; tried: BackendAttempt[] } {
  const tried: BackendAttempt[] = [];
  for (const name of backendOrder(preferred)) {
    const reason = unavailableReason(name);
    if (reason === null) return { backend: name, tried };
    tried.push({ name, error: reason });
  }
  return { backend: "cpu", tried };
}
