/**
 * Picks the TF.js backend for training: tfjs-node (native TensorFlow) when it is
 * installed and loads, else WebAssembly (SIMD), else the pure-JS cpu backend.
 * `TFJS_BACKEND` (lib/config) puts one backend first; if that one fails the
 * others are still tried, and every failure is reported.
 *
 * Only the training thread, the CLI and benchmarks import this module; it loads
 * TF.js. The web process answers /api/health from ./backend-status.ts instead.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { backendOrder, type BackendAttempt, type BackendReport } from "./backend-order";
import type { BackendName } from "../schemas";
import type * as TfModule from "@tensorflow/tfjs";

export type { BackendAttempt, BackendReport };
export type Tf = typeof TfModule;

const requireHere = createRequire(import.meta.url);

// tfjs-node is an optional dependency: with a literal specifier TypeScript and
// bundlers would insist that it exists.
const TFJS_NODE = "@tensorflow/tfjs-node";

async function activate(tf: Tf, name: BackendName): Promise<Pick<BackendReport, "simd">> {
  if (name === "tensorflow") await import(/* webpackIgnore: true */ TFJS_NODE);
  if (name === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    // setWasmPaths needs a directory path (with the trailing slash) in Node; a
    // URL or relative prefix makes the backend fetch() the .wasm files and fail.
    const dist =
      path.join(path.dirname(requireHere.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + path.sep;
    wasm.setWasmPaths(dist);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend("${name}") returned false`);
  await tf.ready();
  if (name === "cpu") {
    // The cpu backend prints a "install tfjs-node" banner on first use; the loader
    // already logs which backend was chosen and why, so silence the banner.
    (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  }
  if (name === "wasm") return { simd: Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) };
  return {};
}

let loaded: Promise<{ tf: Tf; report: BackendReport }> | undefined;

/**
 * Loads TF.js and the best backend that works here. The first call decides for
 * the process (or worker thread): TF.js has one global backend.
 */
export function loadTrainingBackend(preferred?: BackendName): Promise<{ tf: Tf; report: BackendReport }> {
  loaded ??= (async () => {
    const tf = await import("@tensorflow/tfjs");
    const tried: BackendAttempt[] = [];
    for (const name of backendOrder(preferred)) {
      try {
        const extra = await activate(tf, name);
        return { tf, report: { backend: name, tried, ...extra } };
      } catch (err) {
        tried.push({ name, error: firstLine(err) });
      }
    }
    throw new Error(`no TF.js backend could be loaded: ${tried.map((t) => `${t.name}: ${t.error}`).join("; ")}`);
  })();
  return loaded;
}

/** Switches an already loaded TF.js to another backend (benchmarks compare backends in one process). */
export async function switchBackend(tf: Tf, name: BackendName): Promise<void> {
  await activate(tf, name);
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0]!.slice(0, 300);
}
