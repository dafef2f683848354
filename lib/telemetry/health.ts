import { db } from "../db";
import { recordAudit } from "../audit/events";
import { systemPrincipal } from "../auth/principal";
import { getPool } from "../database/pool";
import { deriveHealth, nextHealth, POWER_CAP_BIT, type Health } from "./health-rules";
import type { TelemetrySettings } from "./settings";

type Row = {
  id: string; uuid: string; health: Health;
  xid: number | null; uncorrectable: number | null; remapFailure: number | null; tempC: number | null; capBit: boolean | null;
};

const THROTTLE_FIELDS = "'DCGM_FI_DEV_CLOCK_THROTTLE_REASONS', 'DCGM_FI_DEV_CLOCKS_EVENT_REASONS'";

// Newest values of the health fields for a set of GPUs, in one pass over the
// latest-values table (the fold calls this for ~1,000 GPUs per chunk, so one
// index probe per GPU, not one per GPU and field).
const LATEST_SQL = `
SELECT g.id, g.uuid, g.health,
  max(l.value) FILTER (WHERE f.name = 'DCGM_FI_DEV_XID_ERRORS') AS xid,
  max(l.value) FILTER (WHERE f.name = 'DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS') AS uncorrectable,
  max(l.value) FILTER (WHERE f.name = 'DCGM_FI_DEV_ROW_REMAP_FAILURE') AS "remapFailure",
  max(l.value) FILTER (WHERE f.name = 'DCGM_FI_DEV_GPU_TEMP') AS "tempC",
  bool_or((l.value::bigint & ${POWER_CAP_BIT}) <> 0) FILTER (WHERE f.name IN (${THROTTLE_FIELDS})) AS "capBit"
FROM "Gpu" g
LEFT JOIN "GpuLatest" l ON l."gpuId" = g.id
LEFT JOIN "TelemetryField" f ON f.id = l."fieldId"
WHERE g.id = ANY($1::uuid[])
GROUP BY g.id, g.uuid, g.health`;

// Throttling counts as sustained when every throttle-reason sample of the last
// N minutes (N from settings, at least 3 samples) has the power-cap bit,
// measured back from the GPU's own newest sample so backfilled data is judged
// the same as live data. Only asked for GPUs whose newest sample has the bit.
const THROTTLE_SQL = `
SELECT s."gpuId" AS id, count(*) >= 3 AND bool_and((s.value::bigint & ${POWER_CAP_BIT}) <> 0) AS throttled
FROM "GpuSample" s
JOIN "TelemetryField" f ON f.id = s."fieldId" AND f.name IN (${THROTTLE_FIELDS})
JOIN "GpuLatest" l ON l."gpuId" = s."gpuId" AND l."fieldId" = s."fieldId"
WHERE s."gpuId" = ANY($1::uuid[]) AND s.at > l.at - make_interval(mins => $2::int)
GROUP BY s."gpuId"`;

/** Re-derives the health of these GPUs from their newest telemetry; changes are audited. */
export async function evaluateHealth(gpuIds: Set<string>, settings: TelemetrySettings): Promise<number> {
  if (gpuIds.size === 0) return 0;
  const pool = getPool();
  const { rows } = await pool.query<Row>(LATEST_SQL, [[...gpuIds]]);
  const capped = rows.filter((r) => r.capBit).map((r) => r.id);
  const throttled = new Set(
    capped.length ? (await pool.query<{ id: string; throttled: boolean }>(THROTTLE_SQL, [capped, settings.throttleSustainMinutes])).rows.filter((r) => r.throttled).map((r) => r.id) : [],
  );
  const changes = rows.flatMap((r) => {
    const verdict = deriveHealth(
      { xid: r.xid, uncorrectableRemappedRows: r.uncorrectable, rowRemapFailure: r.remapFailure, tempC: r.tempC, isPowerCapThrottlingSustained: throttled.has(r.id) },
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
