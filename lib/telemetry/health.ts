import { db } from "../db";
import { recordAudit } from "../audit/events";
import { systemPrincipal } from "../auth/principal";
import { getPool } from "../database/pool";
import { deriveHealth, nextHealth, POWER_CAP_BIT, type Health } from "./health-rules";
import type { TelemetrySettings } from "./settings";

type Row = {
  id: string; uuid: string; health: Health;
  xid: number | null; uncorrectable: number | null; remapFailure: number | null; tempC: number | null; throttled: boolean | null;
};

// Newest values of the health fields for a set of GPUs; throttling counts as
// sustained when every throttle-reason sample of the last N minutes (N from
// settings, at least 3 samples) has the power-cap bit, measured back from the
// GPU's own newest sample so backfilled data is judged the same as live data.
const SQL = `
WITH f AS (SELECT id, name FROM "TelemetryField"),
     g AS (SELECT id, uuid, health FROM "Gpu" WHERE id = ANY($1::uuid[]))
SELECT g.id, g.uuid, g.health,
  (SELECT value FROM "GpuLatest" l JOIN f ON f.id = l."fieldId" WHERE l."gpuId" = g.id AND f.name = 'DCGM_FI_DEV_XID_ERRORS') AS xid,
  (SELECT value FROM "GpuLatest" l JOIN f ON f.id = l."fieldId" WHERE l."gpuId" = g.id AND f.name = 'DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS') AS uncorrectable,
  (SELECT value FROM "GpuLatest" l JOIN f ON f.id = l."fieldId" WHERE l."gpuId" = g.id AND f.name = 'DCGM_FI_DEV_ROW_REMAP_FAILURE') AS "remapFailure",
  (SELECT value FROM "GpuLatest" l JOIN f ON f.id = l."fieldId" WHERE l."gpuId" = g.id AND f.name = 'DCGM_FI_DEV_GPU_TEMP') AS "tempC",
  (SELECT count(*) >= 3 AND bool_and((s.value::bigint & ${POWER_CAP_BIT}) <> 0)
     FROM "GpuSample" s JOIN f ON f.id = s."fieldId"
     JOIN "GpuLatest" l ON l."gpuId" = s."gpuId" AND l."fieldId" = s."fieldId"
    WHERE s."gpuId" = g.id AND f.name IN ('DCGM_FI_DEV_CLOCK_THROTTLE_REASONS', 'DCGM_FI_DEV_CLOCKS_EVENT_REASONS')
      AND s.at > l.at - make_interval(mins => $2::int)) AS throttled
FROM g`;

/** Re-derives the health of these GPUs from their newest telemetry; changes are audited. */
export async function evaluateHealth(gpuIds: Set<string>, settings: TelemetrySettings): Promise<number> {
  if (gpuIds.size === 0) return 0;
  const { rows } = await getPool().query<Row>(SQL, [[...gpuIds], settings.throttleSustainMinutes]);
  const changes = rows.flatMap((r) => {
    const verdict = deriveHealth(
      { xid: r.xid, uncorrectableRemappedRows: r.uncorrectable, rowRemapFailure: r.remapFailure, tempC: r.tempC, isPowerCapThrottlingSustained: r.throttled === true },
      settings.degradedTempC,
    );
    const next = nextHealth(r.health, verdict);
    return next ? [{ row: r, next }] : [];
  });
  if (changes.length === 0) return 0;
  const now = new Date();
  await db.$transaction(async (tx) => {
    for (const { row, next } of changes) {
      await tx.gpu.update({ where: { id: row.id }, data: { health: next.health, healthReason: next.reason, healthChangedAt: now } });
      await recordAudit(tx, systemPrincipal, { action: "gpu.health_change", target: `gpu:${row.uuid}`, details: { from: row.health, to: next.health, reason: next.reason } });
    }
  });
  return changes.length;
}
