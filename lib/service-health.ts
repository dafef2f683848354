import { db } from "./db";
import { getConfig } from "./config";
import { version } from "./version";
import { readWorkersHealth, type WorkersHealth } from "./observability/worker-heartbeat";
import { getTrainingBackendStatus, predictTrainingBackend, type TfHealth } from "./training/backend/backend-status";

export type ServingHealth = { ok: boolean; syncedAt: string | null; error?: string };

export type ServiceHealth = {
  status: "ok" | "degraded";
  db: { kind: "pglite" | "postgres"; ok: boolean; latencyMs: number | null; error?: string };
  /** Worker processes that beat recently; null when the database cannot say. */
  workers: WorkersHealth | null;
  /** The serving process on this host (RACKMIND_SERVING_PORT), and when it last read the deployments. */
  serving: ServingHealth;
  /** The TF.js backend training uses: as a worker last loaded it, else predicted from installed packages. */
  tf: TfHealth;
  version: string;
};

/**
 * The serving process's own health over loopback (it answers from memory, so
 * it is up while the database is away; `syncedAt` then stops moving).
 */
async function readServingHealth(): Promise<ServingHealth> {
  const port = getConfig().RACKMIND_SERVING_PORT;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    const body = (await res.json()) as { status?: string; syncedAt?: string | null };
    return { ok: res.ok && body.status === "ok", syncedAt: body.syncedAt ?? null };
  } catch {
    return { ok: false, syncedAt: null, error: `the serving process does not answer on port ${port}` };
  }
}

/**
 * What /api/health answers: whether the database answers (its status code
 * follows the database alone), the workers that beat recently and the serving
 * process, so a recovery after an outage shows here without restarting anything.
 */
export async function getHealth(): Promise<ServiceHealth> {
  const kind = getConfig().RACKMIND_DB_KIND ?? "postgres";
  const t0 = performance.now();
  const serving = readServingHealth();
  try {
    await db.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    const [workers, tf] = await Promise.all([readWorkersHealth(), getTrainingBackendStatus()]);
    return { status: "ok", db: { kind, ok: true, latencyMs }, workers, serving: await serving, tf, version };
  } catch (err) {
    const tf: TfHealth = { ...predictTrainingBackend(getConfig().TFJS_BACKEND), source: "predicted" };
    return {
      status: "degraded",
      db: { kind, ok: false, latencyMs: null, error: (err as Error).message },
      workers: null,
      serving: await serving,
      tf,
      version,
    };
  }
}
