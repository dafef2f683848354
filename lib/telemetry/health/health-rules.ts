import type { CodedParams } from "../../i18n/coded-text";
/**
 * GPU health from telemetry, as pure functions. XIDs 48 (double-bit ECC),
 * 79 (fallen off the bus), 94/95 (contained/uncontained ECC) and any row-remap
 * failure or uncorrectable remapped row mean the GPU must be drained: failed.
 * Heat over the threshold or sustained power-cap throttling: degraded.
 *
 * Every cause is kept, each with the sample that showed it, so "failed" never
 * hides an over-temperature beside the XID, and a page can say which reading
 * (or which person, or the demo seed) set the state.
 */
export type GpuHealth = "healthy" | "degraded" | "failed";
export type HealthSource = "inventory" | "seed" | "operator" | "telemetry";

/** A field's newest value and the time of that sample (ISO-8601). */
export type Reading = { value: number; at: string };

export type HealthInputs = {
  xid: Reading | null;
  uncorrectableRemappedRows: Reading | null;
  rowRemapFailure: Reading | null;
  tempC: Reading | null;
  /** The newest throttle-reasons sample when power-cap throttling has lasted the sustain window; else null. */
  sustainedPowerCapThrottle: Reading | null;
};

export type CauseEvidence = { field: string; value: number; at: string };
export type HealthCause = {
  /** xid, row_remap_failure, uncorrectable_remapped_rows, temperature, power_cap_throttling; operator, seed or recorded when not from telemetry. */
  code: string;
  level: "degraded" | "failed";
  source: HealthSource | "unknown";
  /** The English words, as the API has always given them; `params` renders them in the reader's language (states.health.<code>). */
  text: string;
  params?: CodedParams;
  evidence?: CauseEvidence;
};

/**
 * Telemetry values an operator accepted when clearing a GPU: dcgm keeps
 * reporting the last XID (and the remap counters) until the driver is reset,
 * so the same value must not fail the GPU again; a different one does.
 */
export type HealthBaseline = {
  xid?: number | null;
  uncorrectableRemappedRows?: number | null;
  rowRemapFailure?: number | null;
};

export type HealthState = { health: GpuHealth; causes: HealthCause[] };

export const drainXids: Record<number, string> = {
  48: "double-bit ECC error",
  79: "GPU has fallen off the bus",
  94: "contained ECC error",
  95: "uncontained ECC error",
};

/** Each drain XID's meaning as a catalogue word (states.health.xid's `meaning`). */
export const drainXidMeanings: Record<number, string> = {
  48: "double_bit_ecc",
  79: "fallen_off_bus",
  94: "contained_ecc",
  95: "uncontained_ecc",
};

/** The words of the telemetry causes, English text and catalogue values together so they cannot drift apart. */
export const causeWords = {
  xid: (xid: number) => ({ text: `XID ${xid}: ${drainXids[xid]}`, params: { xid, meaning: drainXidMeanings[xid]! } }),
  rowRemapFailure: () => ({ text: "row remapping failed", params: {} }),
  uncorrectableRemappedRows: (rows: number) => ({
    text: `${rows} row${rows === 1 ? "" : "s"} remapped for uncorrectable errors`,
    params: { rows },
  }),
  temperature: (tempC: number, thresholdC: number) => ({
    text: `temperature ${round(tempC)} °C above threshold ${thresholdC} °C`,
    params: { tempC: round(tempC), thresholdC },
  }),
  powerCapThrottling: () => ({ text: "sustained power-cap throttling", params: {} }),
};

export const healthFields = {
  xid: "DCGM_FI_DEV_XID_ERRORS",
  uncorrectableRemappedRows: "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS",
  rowRemapFailure: "DCGM_FI_DEV_ROW_REMAP_FAILURE",
  tempC: "DCGM_FI_DEV_GPU_TEMP",
  throttle: "DCGM_FI_DEV_CLOCKS_EVENT_REASONS",
} as const;

const evidence = (field: string, r: Reading): CauseEvidence => ({ field, value: r.value, at: r.at });

function failedCauses(x: HealthInputs, baseline: HealthBaseline | null): HealthCause[] {
  const out: HealthCause[] = [];
  const xid = x.xid?.value ?? 0;
  if (x.xid && drainXids[xid] && baseline?.xid !== xid) {
    out.push({
      code: "xid",
      level: "failed",
      source: "telemetry",
      ...causeWords.xid(xid),
      evidence: evidence(healthFields.xid, x.xid),
    });
  }
  if (x.rowRemapFailure && x.rowRemapFailure.value > (baseline?.rowRemapFailure ?? 0)) {
    out.push({
      code: "row_remap_failure",
      level: "failed",
      source: "telemetry",
      ...causeWords.rowRemapFailure(),
      evidence: evidence(healthFields.rowRemapFailure, x.rowRemapFailure),
    });
  }
  const rows = x.uncorrectableRemappedRows;
  if (rows && rows.value > (baseline?.uncorrectableRemappedRows ?? 0)) {
    out.push({
      code: "uncorrectable_remapped_rows",
      level: "failed",
      source: "telemetry",
      ...causeWords.uncorrectableRemappedRows(rows.value),
      evidence: evidence(healthFields.uncorrectableRemappedRows, rows),
    });
  }
  return out;
}

/** Every cause the newest telemetry shows, failed ones first; [] is healthy. */
export function deriveCauses(
  x: HealthInputs,
  degradedTempC: number,
  baseline: HealthBaseline | null = null,
): HealthCause[] {
  const out = failedCauses(x, baseline);
  if (x.tempC && x.tempC.value > degradedTempC) {
    out.push({
      code: "temperature",
      level: "degraded",
      source: "telemetry",
      ...causeWords.temperature(x.tempC.value, degradedTempC),
      evidence: evidence(healthFields.tempC, x.tempC),
    });
  }
  if (x.sustainedPowerCapThrottle) {
    const e = evidence(healthFields.throttle, x.sustainedPowerCapThrottle);
    out.push({
      code: "power_cap_throttling",
      level: "degraded",
      source: "telemetry",
      ...causeWords.powerCapThrottling(),
      evidence: e,
    });
  }
  return out;
}

export function healthOf(causes: readonly HealthCause[]): GpuHealth {
  if (causes.some((c) => c.level === "failed")) return "failed";
  return causes.length ? "degraded" : "healthy";
}

/** The causes as one line, for lists and the API's `healthReason`; null when there are none. */
export function reasonOf(causes: readonly HealthCause[]): string | null {
  return causes.length ? causes.map((c) => c.text).join("; ") : null;
}

/** The health and reason line the newest telemetry alone would give. */
export function deriveHealth(
  x: HealthInputs,
  degradedTempC: number,
  baseline: HealthBaseline | null = null,
): { health: GpuHealth; reason: string | null } {
  const causes = deriveCauses(x, degradedTempC, baseline);
  return { health: healthOf(causes), reason: reasonOf(causes) };
}

// What makes two causes "the same" for deciding whether anything changed: a
// temperature that moves from 91 to 92 °C is the same cause, XID 48 after XID
// 79 is not, nor is a seeded XID that telemetry now confirms (its source moved).
const keyOf = (c: HealthCause) => `${c.level}:${c.code}:${c.code === "xid" ? c.text : ""}:${c.source}`;

/** Whether `next` names a cause `current` did not (an acknowledgement no longer covers it). */
export function hasNewCause(current: readonly HealthCause[], next: readonly HealthCause[]): boolean {
  const known = new Set(current.map(keyOf));
  return next.some((c) => !known.has(keyOf(c)));
}

/**
 * The GPU's next health and causes given what telemetry derives now, or null
 * when nothing changed. Failed is sticky: a drained GPU stays failed until an
 * operator clears it (dcgm keeps reporting the last XID; a GPU that fell off the
 * bus is not fixed because the next sample looks normal), and keeps the failed
 * causes telemetry once showed. Failed causes telemetry did not give (the seed's,
 * an operator's) give way as soon as telemetry gives its own.
 */
export function nextHealthState(current: HealthState, derived: readonly HealthCause[]): HealthState | null {
  let next: HealthState;
  if (current.health === "failed") {
    const derivedFailed = derived.filter((c) => c.level === "failed");
    // An earlier XID stays beside a new one: dcgm reports only the last, but both happened.
    const idOf = (c: HealthCause) => (c.code === "xid" ? c.text : c.code);
    const seen = new Set(derivedFailed.map(idOf));
    const kept = current.causes.filter(
      (c) => c.level === "failed" && !seen.has(idOf(c)) && (derivedFailed.length === 0 || c.source === "telemetry"),
    );
    next = { health: "failed", causes: [...derivedFailed, ...kept, ...derived.filter((c) => c.level === "degraded")] };
  } else {
    next = { health: healthOf(derived), causes: [...derived] };
  }
  const same = next.health === current.health && sameKeys(current.causes, next.causes);
  return same ? null : next;
}

function sameKeys(a: readonly HealthCause[], b: readonly HealthCause[]): boolean {
  const ka = a.map(keyOf).sort();
  const kb = b.map(keyOf).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** The baseline with what telemetry has moved on from dropped (a cleared XID that went back to 0 fails the GPU again when it recurs). */
export function nextBaseline(baseline: HealthBaseline | null, x: HealthInputs): HealthBaseline | null {
  if (!baseline) return null;
  const next: HealthBaseline = { ...baseline };
  if (next.xid != null && (x.xid?.value ?? 0) !== next.xid) next.xid = null;
  if (
    next.uncorrectableRemappedRows != null &&
    (x.uncorrectableRemappedRows?.value ?? 0) < next.uncorrectableRemappedRows
  )
    next.uncorrectableRemappedRows = null;
  if (next.rowRemapFailure != null && (x.rowRemapFailure?.value ?? 0) === 0) next.rowRemapFailure = null;
  return next.xid == null && next.uncorrectableRemappedRows == null && next.rowRemapFailure == null ? null : next;
}

/** What an operator's clearing accepts: the values of the failure fields now. */
export function baselineOf(x: HealthInputs): HealthBaseline | null {
  const b: HealthBaseline = {
    xid: x.xid && drainXids[x.xid.value] ? x.xid.value : null,
    uncorrectableRemappedRows: x.uncorrectableRemappedRows?.value ? x.uncorrectableRemappedRows.value : null,
    rowRemapFailure: x.rowRemapFailure?.value ? x.rowRemapFailure.value : null,
  };
  return b.xid == null && b.uncorrectableRemappedRows == null && b.rowRemapFailure == null ? null : b;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** dcgm's clock-throttle / clocks-event reason bit for the software power cap. */
export const POWER_CAP_BIT = 0x4;
