import { db } from "./db";
import { getConfig } from "./config";
import { version } from "./version";
import { getTrainingBackendStatus, predictTrainingBackend, type TfHealth } from "./training/backend/backend-status";

export type ServiceHealth = {
  status: "ok" | "degraded";
  db: { kind: "pglite" | "postgres"; ok: boolean; latencyMs: number | null; error?: string };
  /** The TF.js backend training uses: as a worker last loaded it, else predicted from installed packages. */
  tf: TfHealth;
  version: string;
};

/** What /api/health answers: the database kind and whether it answers. */
export async function getHealth(): Promise<ServiceHealth> {
  const kind = getConfig().RACKMIND_DB_KIND ?? "postgres";
  const t0 = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    return { status: "ok", db: { kind, ok: true, latencyMs }, tf: await getTrainingBackendStatus(), version };
  } catch (err) {
    const tf: TfHealth = { ...predictTrainingBackend(getConfig().TFJS_BACKEND), source: "predicted" };
    return { status: "degraded", db: { kind, ok: false, latencyMs: null, error: (err as Error).message }, tf, version };
  }
}
