import { getPool } from "../../database/pool";

export type LatestReadings = {
  utilPct: number | null;
  memUsedMiB: number | null;
  tempC: number | null;
  powerW: number | null;
  xid: number | null;
  at: string | null;
};

/** The dcgm fields behind each reading (units: %, MiB, °C, W, XID code). */
export const readingFields = {
  utilPct: "DCGM_FI_DEV_GPU_UTIL",
  memUsedMiB: "DCGM_FI_DEV_FB_USED",
  tempC: "DCGM_FI_DEV_GPU_TEMP",
  powerW: "DCGM_FI_DEV_POWER_USAGE",
  xid: "DCGM_FI_DEV_XID_ERRORS",
} as const;

export const noReadings: LatestReadings = {
  utilPct: null,
  memUsedMiB: null,
  tempC: null,
  powerW: null,
  xid: null,
  at: null,
};

/** Newest util/memory/temperature/power/XID per GPU id; GPUs without telemetry are absent. */
export async function getLatestReadings(gpuIds: string[]): Promise<Map<string, LatestReadings>> {
  const out = new Map<string, LatestReadings>();
  if (gpuIds.length === 0) return out;
  const { rows } = await getPool().query<{ gpuId: string; name: string; value: number; at: Date }>(
    `SELECT l."gpuId", f.name, l.value, l.at FROM "GpuLatest" l JOIN "TelemetryField" f ON f.id = l."fieldId"
     WHERE l."gpuId" = ANY($1::uuid[]) AND f.name = ANY($2::text[])`,
    [gpuIds, Object.values(readingFields)],
  );
  const keyOf = new Map<string, keyof typeof readingFields>(
    Object.entries(readingFields).map(([k, v]) => [v, k as keyof typeof readingFields]),
  );
  for (const r of rows) {
    const readings = out.get(r.gpuId) ?? { ...noReadings };
    const key = keyOf.get(r.name);
    if (key) readings[key] = r.value;
    if (!readings.at || r.at.toISOString() > readings.at) readings.at = r.at.toISOString();
    out.set(r.gpuId, readings);
  }
  return out;
}
