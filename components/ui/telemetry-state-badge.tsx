import type { TelemetryState } from "@/lib/inventory/schemas";
import { Badge } from "./badge";
import { formatAge } from "./readings";

/** Why a GPU's health is only its last known one, in words: "never reported" or "silent 3 h". */
export function describeSilence(state: TelemetryState, lastSeenAt: string | null, nowMs: number): string | null {
  if (state === "reporting") return null;
  if (state === "never" || !lastSeenAt) return "never reported";
  return `silent ${formatAge(lastSeenAt, nowMs).replace(/ ago$/, "")}`;
}

/**
 * Shown beside a GPU's health when telemetry no longer confirms it; nothing
 * while it reports. Neutral, and worded, so it never reads as a health colour.
 */
export function TelemetryStateBadge({
  state,
  lastSeenAt,
  nowMs,
}: {
  state: TelemetryState;
  lastSeenAt: string | null;
  nowMs: number;
}) {
  const text = describeSilence(state, lastSeenAt, nowMs);
  if (!text) return null;
  return (
    <span
      title={lastSeenAt ? `newest sample ${lastSeenAt}` : "no sample has ever arrived for this GPU"}
      data-testid="telemetry-state"
    >
      <Badge tone="neutral">no data · {text}</Badge>
    </span>
  );
}
