import { getPool } from "../../database/pool";

/**
 * Whether a GPU's telemetry still speaks for it. A GPU whose newest sample (of
 * any field) is older than the stale threshold says nothing about its health
 * now: it is shown as stale beside its last known health, and the scheduler
 * passes it over by default. "never": registered, but no sample ever arrived.
 */
export type TelemetryState = "reporting" | "stale" | "never";

export function telemetryStateOf(lastSeenMs: number | null, nowMs: number, staleAfterMinutes: number): TelemetryState {
  if (lastSeenMs === null) return "never";
  return nowMs - lastSeenMs > staleAfterMinutes * 60_000 ? "stale" : "reporting";
}

/** The time before which a GPU's newest sample makes it stale. */
export function staleBefore(now: Date, staleAfterMinutes: number): Date {
  return new Date(now.getTime() - staleAfterMinutes * 60_000);
}

/** Time of each GPU's newest sample; GPUs that never reported are absent. */
export async function readLastSeen(gpuIds: string[]): Promise<Map<string, Date>> {
  if (gpuIds.length === 0) return new Map();
  const { rows } = await getPool().query<{ gpuId: string; at: Date }>(
    `SELECT "gpuId", "at" FROM "GpuLastSeen" WHERE "gpuId" = ANY($1::uuid[])`,
    [gpuIds],
  );
  return new Map(rows.map((r) => [r.gpuId, r.at]));
}
