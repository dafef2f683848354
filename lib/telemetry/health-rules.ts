/**
 * GPU health from telemetry, as a pure function. XIDs 48 (double-bit ECC),
 * 79 (fallen off the bus), 94/95 (contained/uncontained ECC) and any row-remap
 * failure or uncorrectable remapped row mean the GPU must be drained: failed.
 * Heat over the threshold or sustained power-cap throttling: degraded.
 */
export type HealthInputs = {
  xid: number | null;
  uncorrectableRemappedRows: number | null;
  rowRemapFailure: number | null;
  tempC: number | null;
  isPowerCapThrottlingSustained: boolean;
};
export type Health = "healthy" | "degraded" | "failed";
export type HealthVerdict = { health: Health; reason: string | null };

export const drainXids: Record<number, string> = {
  48: "double-bit ECC error",
  79: "GPU has fallen off the bus",
  94: "contained ECC error",
  95: "uncontained ECC error",
};

export function deriveHealth(x: HealthInputs, degradedTempC: number): HealthVerdict {
  if (x.xid !== null && drainXids[x.xid]) return { health: "failed", reason: `XID ${x.xid}: ${drainXids[x.xid]}` };
  if (x.rowRemapFailure) return { health: "failed", reason: "row remapping failed" };
  if (x.uncorrectableRemappedRows) return { health: "failed", reason: `${x.uncorrectableRemappedRows} rows remapped for uncorrectable errors` };
  if (x.tempC !== null && x.tempC > degradedTempC) return { health: "degraded", reason: `temperature ${round(x.tempC)} °C above threshold ${degradedTempC} °C` };
  if (x.isPowerCapThrottlingSustained) return { health: "degraded", reason: "sustained power-cap throttling" };
  return { health: "healthy", reason: null };
}

/**
 * Failed is sticky: a drained GPU stays failed until an operator clears it
 * (dcgm keeps reporting the last XID; a GPU that fell off the bus is not fixed
 * because the next sample looks normal).
 */
export function nextHealth(current: Health, verdict: HealthVerdict): HealthVerdict | null {
  if (current === "failed" && verdict.health !== "failed") return null;
  return verdict.health === current ? null : verdict;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** dcgm's clock-throttle / clocks-event reason bit for the software power cap. */
export const POWER_CAP_BIT = 0x4;
