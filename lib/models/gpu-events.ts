/**
 * What the GPUs a run held showed while it held them: XIDs, throttling and
 * temperature excursions, read from telemetry for each GPU's own allocation
 * window. Consecutive samples of the same kind and value are one event (from
 * its first sample to its last), so an XID dcgm repeats every scrape for an
 * hour is one line, not 120.
 */
import { getPool } from "../database/pool";
import { ENERGY_COUNTER_FIELD, POWER_FIELD } from "../energy/profiles/gpu-power";
import { drainXids, healthFields } from "../telemetry/health/health-rules";
import { getTelemetrySettings } from "../telemetry/settings";
import type { GpuEvent, GpuEventsOut } from "./schemas";

export type EventWindow = { gpuId: string; uuid: string; hostname: string | null; from: Date; to: Date };

// dcgm's clocks-event reasons bitmask; idle (0x1) and application clock
// settings (0x2) are not events a run suffered.
const THROTTLE_REASONS: [bit: number, text: string][] = [
  [0x4, "software power cap"],
  [0x8, "hardware slowdown"],
  [0x10, "sync boost"],
  [0x20, "software thermal slowdown"],
  [0x40, "hardware thermal slowdown"],
  [0x80, "hardware power brake"],
];
const BENIGN_THROTTLE_BITS = 0x3;
const THROTTLE_FIELDS = ["DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", healthFields.throttle];

type Sample = { gpuId: string; field: string; at: Date; value: number };

const SAMPLES_SQL = `
SELECT s."gpuId", f."name" AS "field", s."at", s."value"
FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS w("gpuId", "from", "to")
JOIN "GpuSample" s ON s."gpuId" = w."gpuId" AND s."at" >= w."from" AND s."at" <= w."to"
JOIN "TelemetryField" f ON f."id" = s."fieldId"
WHERE (f."name" = $4 AND s."value" <> 0)
   OR (f."name" = ANY($5::text[]) AND (s."value"::bigint & ~${BENIGN_THROTTLE_BITS}::bigint) <> 0)
   OR (f."name" = $6 AND s."value" > $7)
ORDER BY s."gpuId", f."name", s."at"`;

const REPORTING_SQL = `
SELECT count(*)::int AS n FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS w("gpuId", "from", "to")
WHERE EXISTS (SELECT 1 FROM "GpuSample" s WHERE s."gpuId" = w."gpuId" AND s."at" >= w."from" AND s."at" <= w."to")`;

const POWER_REPORTING_SQL = `
SELECT count(*)::int AS n FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS w("gpuId", "from", "to")
WHERE EXISTS (
  SELECT 1 FROM "GpuSample" s JOIN "TelemetryField" f ON f."id" = s."fieldId"
  WHERE s."gpuId" = w."gpuId" AND f."name" = ANY($4::text[])
    AND s."at" >= w."from" - interval '5 minutes' AND s."at" <= w."to" + interval '5 minutes')`;

/** How many windows' GPUs sent a power or energy-counter sample within five minutes of their window. */
export async function countGpusReportingPower(windows: EventWindow[]): Promise<number> {
  if (windows.length === 0) return 0;
  const { rows } = await getPool().query<{ n: number }>(POWER_REPORTING_SQL, [
    windows.map((w) => w.gpuId),
    windows.map((w) => w.from),
    windows.map((w) => w.to),
    [POWER_FIELD, ENERGY_COUNTER_FIELD],
  ]);
  return rows[0]!.n;
}

/** How the basis sentence names the windows: a run's allocations, or a deployment's window on its servers. */
export type EventsSubject = { began: string; during: string; noneReported: string };

export const RUN_SUBJECT: EventsSubject = {
  began: "the run began",
  during: "while the run held them",
  noneReported: "none of the run's GPUs sent telemetry while it held them",
};

/**
 * The events of each window's GPU within its window. Raw samples are kept for
 * `rawRetentionDays`: a window older than that cannot be read, and the answer
 * says so instead of claiming a clean run.
 */
export async function readGpuEvents(
  windows: EventWindow[],
  now = new Date(),
  subject: EventsSubject = RUN_SUBJECT,
): Promise<GpuEventsOut | null> {
  if (windows.length === 0) return null;
  const settings = await getTelemetrySettings();
  const oldest = Math.min(...windows.map((w) => w.from.getTime()));
  if (oldest < now.getTime() - settings.rawRetentionDays * 86_400_000) {
    return {
      events: [],
      basis: `Not known: ${subject.began} before the ${settings.rawRetentionDays}-day raw telemetry retention window.`,
      gpusReporting: 0,
      gpus: windows.length,
    };
  }
  const args = [windows.map((w) => w.gpuId), windows.map((w) => w.from), windows.map((w) => w.to)];
  const pool = getPool();
  const [{ rows }, reporting] = await Promise.all([
    pool.query<Sample>(SAMPLES_SQL, [
      ...args,
      healthFields.xid,
      THROTTLE_FIELDS,
      healthFields.tempC,
      settings.degradedTempC,
    ]),
    pool.query<{ n: number }>(REPORTING_SQL, args),
  ]);
  const gpusReporting = reporting.rows[0]!.n;
  const events = toEvents(rows, windows, settings.degradedTempC);
  const basis =
    gpusReporting === 0
      ? `Not known: ${subject.noneReported}.`
      : `From raw dcgm samples of ${gpusReporting} of ${windows.length} GPU${windows.length === 1 ? "" : "s"} ${subject.during} (temperature threshold ${settings.degradedTempC} °C).`;
  return { events, basis, gpusReporting, gpus: windows.length };
}

/** Samples (ordered by GPU, field, time) folded into events: a run of equal values is one event. */
export function toEvents(samples: Sample[], windows: EventWindow[], degradedTempC: number): GpuEvent[] {
  const gpuOf = new Map(windows.map((w) => [w.gpuId, w]));
  const events: GpuEvent[] = [];
  let open: (GpuEvent & { gpuId: string; field: string }) | null = null;
  for (const s of samples) {
    const kind = kindOf(s.field);
    // Temperatures above the threshold are one excursion whatever the exact reading; its peak is kept.
    const isSame =
      open !== null &&
      open.gpuId === s.gpuId &&
      open.field === s.field &&
      (kind === "temperature" || open.value === s.value);
    if (isSame) {
      open!.to = s.at.toISOString();
      open!.samples += 1;
      if (kind === "temperature" && s.value > open!.value) {
        open!.value = s.value;
        open!.text = describe(kind, s.value, degradedTempC);
      }
      continue;
    }
    if (open) events.push(strip(open));
    const w = gpuOf.get(s.gpuId);
    open = {
      gpuId: s.gpuId,
      field: s.field,
      uuid: w?.uuid ?? s.gpuId,
      hostname: w?.hostname ?? null,
      kind,
      value: s.value,
      text: describe(kind, s.value, degradedTempC),
      from: s.at.toISOString(),
      to: s.at.toISOString(),
      samples: 1,
    };
  }
  if (open) events.push(strip(open));
  return events.sort((a, b) => a.from.localeCompare(b.from) || a.uuid.localeCompare(b.uuid));
}

function strip(e: GpuEvent & { gpuId: string; field: string }): GpuEvent {
  const { gpuId: _gpuId, field: _field, ...event } = e;
  return event;
}

function kindOf(field: string): GpuEvent["kind"] {
  if (field === healthFields.xid) return "xid";
  if (field === healthFields.tempC) return "temperature";
  return "throttle";
}

export function describe(kind: GpuEvent["kind"], value: number, degradedTempC: number): string {
  if (kind === "xid") {
    const meaning = drainXids[value];
    return meaning ? `XID ${value}: ${meaning} (drain the GPU)` : `XID ${value}`;
  }
  if (kind === "temperature") return `temperature up to ${Math.round(value)} °C (threshold ${degradedTempC} °C)`;
  const reasons = THROTTLE_REASONS.filter(([bit]) => (value & bit) !== 0).map(([, text]) => text);
  return `clocks throttled: ${reasons.length ? reasons.join(", ") : `reasons 0x${value.toString(16)}`}`;
}
