// How GPU telemetry readings read on screen, in one place so the GPU page, the
// server page, the Telemetry page and the rack elevation agree on units and
// rounding. Pure functions: usable from server components and client islands.

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** °C, whole degrees: sensors report integers and a decimal would suggest precision they lack. */
export function formatTempC(tempC: number): string {
  return `${integer.format(tempC)} °C`;
}

/** Watts below 10 kW read as "612 W", above as "12.4 kW". */
export function formatWatts(watts: number): string {
  return Math.abs(watts) >= 10_000 ? `${oneDecimal.format(watts / 1000)} kW` : `${integer.format(watts)} W`;
}

/** Watts as kW with one decimal, for rack and site totals where single watts are noise. */
export function formatKilowatts(watts: number): string {
  return `${oneDecimal.format(watts / 1000)} kW`;
}

export function formatPct(pct: number): string {
  return `${integer.format(pct)} %`;
}

/** MiB as dcgm reports framebuffer memory, with thousands separators. */
export function formatMiB(mib: number): string {
  return `${integer.format(mib)} MiB`;
}

/** A plain count with thousands separators. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** How long ago `iso` was, relative to `nowMs`, coarsely: "just now", "4 min ago", "3 h ago", "2 d ago". */
export function formatAge(iso: string, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

/** A duration in seconds as "30 s", "5 min", "2 h" (scrape intervals). */
export function formatInterval(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  if (seconds < 3600 || seconds % 3600 !== 0) return `${seconds / 60} min`;
  return `${seconds / 3600} h`;
}
