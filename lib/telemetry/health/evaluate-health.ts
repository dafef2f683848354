import { db, DbNull, type Prisma } from "../../db";
import { recordAudit, type AuditEntry } from "../../audit/events";
import { systemPrincipal } from "../../auth/principal";
import { getPool } from "../../database/pool";
import { readHealthAck, readHealthBaseline, readHealthCauses } from "./health-causes";
import {
  deriveCauses,
  drainXids,
  hasNewCause,
  healthFields,
  nextBaseline,
  nextHealthState,
  POWER_CAP_BIT,
  reasonOf,
  type GpuHealth,
  type HealthBaseline,
  type HealthCause,
  type HealthInputs,
  type HealthState,
  type Reading,
} from "./health-rules";
import type { TelemetrySettings } from "../settings";

type Row = {
  id: string;
  uuid: string;
  health: GpuHealth;
  causes: unknown;
  baseline: unknown;
  ack: unknown;
  xid: number | null;
  xidAt: Date | null;
  uncorrectable: number | null;
  uncorrectableAt: Date | null;
  remapFailure: number | null;
  remapFailureAt: Date | null;
  tempC: number | null;
  tempAt: Date | null;
  capBit: boolean | null;
  throttleAt: Date | null;
};

const THROTTLE_FIELDS = `'DCGM_FI_DEV_CLOCK_THROTTLE_REASONS', '${healthFields.throttle}'`;
const fieldId = (name: string) => `(SELECT f.id FROM "TelemetryField" f WHERE f.name = '${name}')`;
const valueOf = (key: string) => `l.value[ids.${key}]`;
const atOf = (key: string) => `l.at[ids.${key}]`;
const capBitOf = (key: string) => `(${valueOf(key)}::bigint & ${POWER_CAP_BIT}) <> 0`;

// Newest values of the health fields (and when each was sampled) for a set of
// GPUs: one index probe per GPU into the wide latest-values row, reading the
// fields' positions (position = field id; NULL when a field was never seen).
// The fold calls this for every GPU of every batch it folds.
const LATEST_SQL = `
WITH ids AS (
  SELECT ${fieldId(healthFields.xid)} AS xid, ${fieldId(healthFields.uncorrectableRemappedRows)} AS uncorrectable,
         ${fieldId(healthFields.rowRemapFailure)} AS remap, ${fieldId(healthFields.tempC)} AS temp,
         ${fieldId("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS")} AS throttle_old, ${fieldId(healthFields.throttle)} AS throttle
)
SELECT g.id, g.uuid, g.health, g."healthCauses" AS causes, g."healthBaseline" AS baseline, g."healthAck" AS ack,
  ${valueOf("xid")} AS xid, ${atOf("xid")} AS "xidAt",
  ${valueOf("uncorrectable")} AS uncorrectable, ${atOf("uncorrectable")} AS "uncorrectableAt",
  ${valueOf("remap")} AS "remapFailure", ${atOf("remap")} AS "remapFailureAt",
  ${valueOf("temp")} AS "tempC", ${atOf("temp")} AS "tempAt",
  CASE WHEN ${valueOf("throttle_old")} IS NULL AND ${valueOf("throttle")} IS NULL THEN NULL
       ELSE coalesce(${capBitOf("throttle_old")}, false) OR coalesce(${capBitOf("throttle")}, false) END AS "capBit",
  greatest(${atOf("throttle_old")}, ${atOf("throttle")}) AS "throttleAt"
FROM "Gpu" g
CROSS JOIN ids
LEFT JOIN "GpuLatestReadings" l ON l."gpuId" = g.id
WHERE g.id = ANY($1::uuid[])`;

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

// A GPU that nothing can change, left out of what evaluateHealth reads: healthy,
// no causes, no accepted baseline, and newest health fields that show nothing
// (no drain XID, no remap failure or uncorrectable row, not over the threshold,
// no power-cap bit, which would need the sustain window read). planChange
// answers null for exactly such a GPU whatever the time, so skipping it changes
// nothing — and on a fleet that is almost every GPU of every fold batch, whose
// rows cost the fold more to receive than to find. Each term is true or false,
// never NULL (a NULL would drop the row from NOT …); anything unusual (a causes
// value that is not an empty array, a NaN) is evaluated, not skipped.
const QUIET = `r.health = 'healthy'
  AND (r.causes IS NULL OR r.causes IN ('[]'::jsonb, 'null'::jsonb))
  AND (r.baseline IS NULL OR r.baseline = 'null'::jsonb)
  AND (r.xid IS NULL OR r.xid <> ALL ('{${Object.keys(drainXids).join(",")}}'::float8[]))
  AND (r.uncorrectable IS NULL OR r.uncorrectable <= 0)
  AND (r."remapFailure" IS NULL OR r."remapFailure" <= 0)
  AND (r."tempC" IS NULL OR r."tempC" <= $2::float8)
  AND r."capBit" IS NOT TRUE`;
const UNSETTLED_SQL = `SELECT * FROM (${LATEST_SQL}) r WHERE NOT (${QUIET})`;

const reading = (value: number | null, at: Date | null): Reading | null =>
  value === null || at === null ? null : { value, at: at.toISOString() };

function inputsOf(r: Row, throttled: Set<string>): HealthInputs {
  return {
    xid: reading(r.xid, r.xidAt),
    uncorrectableRemappedRows: reading(r.uncorrectable, r.uncorrectableAt),
    rowRemapFailure: reading(r.remapFailure, r.remapFailureAt),
    tempC: reading(r.tempC, r.tempAt),
    sustainedPowerCapThrottle:
      throttled.has(r.id) && r.throttleAt ? { value: POWER_CAP_BIT, at: r.throttleAt.toISOString() } : null,
  };
}

/** The GPUs' rows and health inputs; with `unsettledOnly`, only of those that could change (see QUIET). */
async function readRows(
  gpuIds: string[],
  settings: Pick<TelemetrySettings, "throttleSustainMinutes" | "degradedTempC">,
  { unsettledOnly = false } = {},
): Promise<{ row: Row; inputs: HealthInputs }[]> {
  const pool = getPool();
  // The ids as one array literal: node-pg's array serialiser escapes element by
  // element, which cost as much as the query itself for a fold batch's 512 GPUs.
  const ids = `{${gpuIds.join(",")}}`;
  const { rows } = unsettledOnly
    ? await pool.query<Row>(UNSETTLED_SQL, [ids, settings.degradedTempC])
    : await pool.query<Row>(LATEST_SQL, [ids]);
  const capped = rows.filter((r) => r.capBit).map((r) => r.id);
  const throttled = new Set(
    capped.length
      ? (
          await pool.query<{ id: string; throttled: boolean }>(THROTTLE_SQL, [capped, settings.throttleSustainMinutes])
        ).rows
          .filter((r) => r.throttled)
          .map((r) => r.id)
      : [],
  );
  return rows.map((row) => ({ row, inputs: inputsOf(row, throttled) }));
}

/** The newest values of the health fields of these GPUs (by GPU id), as the health rules read them. */
export async function readHealthInputs(
  gpuIds: string[],
  settings: Pick<TelemetrySettings, "throttleSustainMinutes" | "degradedTempC">,
): Promise<Map<string, HealthInputs>> {
  if (gpuIds.length === 0) return new Map();
  return new Map((await readRows(gpuIds, settings)).map(({ row, inputs }) => [row.id, inputs]));
}

type Change = { row: Row; next: HealthState | null; baseline: HealthBaseline | null; isBaselineChanged: boolean };

function planChange(row: Row, inputs: HealthInputs, degradedTempC: number): Change | null {
  const stored = readHealthBaseline(row.baseline);
  const baseline = nextBaseline(stored, inputs);
  const current: HealthState = { health: row.health, causes: readHealthCauses(row.causes) };
  const next = nextHealthState(current, deriveCauses(inputs, degradedTempC, baseline));
  const isBaselineChanged = JSON.stringify(baseline) !== JSON.stringify(stored);
  return next || isBaselineChanged ? { row, next, baseline, isBaselineChanged } : null;
}

/** Who set a health: the source of its most severe cause; telemetry when it found nothing wrong. */
const sourceOf = (causes: HealthCause[]) =>
  causes[0]?.source === "unknown" ? null : (causes[0]?.source ?? "telemetry");

/** Writes one GPU's change; answers the audit event it calls for, for the caller to record after all the changes. */
async function applyChange(tx: Prisma.TransactionClient, c: Change, now: Date): Promise<AuditEntry | null> {
  const data: Prisma.GpuUpdateInput = {};
  let entry: AuditEntry | null = null;
  if (c.isBaselineChanged) data.healthBaseline = c.baseline ?? DbNull;
  if (c.next) {
    const previous = readHealthCauses(c.row.causes);
    const reason = reasonOf(c.next.causes);
    Object.assign(data, {
      health: c.next.health,
      healthReason: reason,
      healthCauses: c.next.causes as unknown as Prisma.InputJsonValue,
      healthSource: sourceOf(c.next.causes),
    });
    if (c.next.health !== c.row.health) data.healthChangedAt = now;
    // An acknowledgement covers the causes it was given for, not a new one.
    if (readHealthAck(c.row.ack) && (c.next.health !== c.row.health || hasNewCause(previous, c.next.causes)))
      data.healthAck = DbNull;
    const action = c.next.health !== c.row.health ? "gpu.health_change" : "gpu.health_causes_change";
    const details = {
      from: c.row.health,
      to: c.next.health,
      reason,
      causes: c.next.causes,
    } as unknown as Prisma.InputJsonValue;
    entry = { action, target: `gpu:${c.row.uuid}`, details };
  }
  await tx.gpu.update({ where: { id: c.row.id }, data });
  return entry;
}

/**
 * Re-derives the health of these GPUs from their newest telemetry. Changes of
 * health, and changes of its causes while the health stays (a failed GPU that
 * now also runs hot), are written with an audit event. Returns how many GPUs changed.
 */
export async function evaluateHealth(gpuIds: Set<string>, settings: TelemetrySettings): Promise<number> {
  if (gpuIds.size === 0) return 0;
  const changes = (await readRows([...gpuIds], settings, { unsettledOnly: true })).flatMap(
    ({ row, inputs }) => planChange(row, inputs, settings.degradedTempC) ?? [],
  );
  if (changes.length === 0) return 0;
  const now = new Date();
  await db.$transaction(async (tx) => {
    const audits: AuditEntry[] = [];
    for (const c of changes) {
      const entry = await applyChange(tx, c, now);
      if (entry) audits.push(entry);
    }
    // The audit events after every GPU update: the first one takes the audit
    // chain's lock until commit, and were it taken before an update, an operator
    // changing one of these GPUs (row lock, then audit) would deadlock with us.
    for (const entry of audits) await recordAudit(tx, systemPrincipal, entry);
  });
  return changes.filter((c) => c.next !== null).length;
}
