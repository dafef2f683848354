import { db } from "./db";
import { getConfig } from "./config";
import { version } from "./version";

export type Health = {
  status: "ok" | "degraded";
  db: { kind: "pglite" | "postgres"; ok: boolean; latencyMs: number | null; error?: string };
  tf: { backend: string | null };
  version: string;
};

/** What /api/health answers: the database kind and whether it answers. */
export async function getHealth(): Promise<Health> {
  const kind = getConfig().RACKMIND_DB_KIND ?? "postgres";
  const t0 = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    // tf.backend is filled in by the training engine's loader (worker side).
    return { status: "ok", db: { kind, ok: true, latencyMs }, tf: { backend: null }, version };
  } catch (err) {
    return { status: "degraded", db: { kind, ok: false, latencyMs: null, error: (err as Error).message }, tf: { backend: null }, version };
  }
}
