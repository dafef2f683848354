/**
 * Backend names and preference order, shared by the loader (./backend.ts, which
 * imports TF.js) and the health probe (./backend-status.ts, which must not).
 */
import type { BackendName } from "../schemas";

export type BackendAttempt = { name: BackendName; error: string };
/** `tried` lists the backends that failed before `backend` loaded, with why. */
export type BackendReport = { backend: BackendName; tried: BackendAttempt[]; simd?: boolean };

/** Native TensorFlow, then WebAssembly (SIMD), then plain JavaScript. */
export const DEFAULT_BACKEND_ORDER: readonly BackendName[] = ["tensorflow", "wasm", "cpu"];

/** The order the loader tries backends in: the preferred one first, then the default order. */
export function backendOrder(preferred?: BackendName): BackendName[] {
  return preferred ? [preferred, ...DEFAULT_BACKEND_ORDER.filter((b) => b !== preferred)] : [...DEFAULT_BACKEND_ORDER];
}
