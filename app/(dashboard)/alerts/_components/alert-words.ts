import type { BadgeTone } from "@/components/ui/badge";
import type { AlertOut } from "@/lib/alerts/outputs";

// How alerts read on a page: severity and state as words beside their colour.

export const severityTone: Record<string, BadgeTone> = { critical: "bad", warning: "warn", info: "info" };

export const stateTone: Record<AlertOut["state"], BadgeTone> = { firing: "bad", pending: "warn", resolved: "good" };

/** The labels that say where, in reading order; alertname and severity are shown on their own. */
export function whereLabels(labels: Record<string, string>): [string, string][] {
  const order = ["site", "rack", "hostname", "gpu_index", "gpu", "deployment", "model", "version", "feature", "job"];
  return Object.entries(labels)
    .filter(([k]) => k !== "alertname" && k !== "severity")
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
}

export function mutedWords(status: AlertOut["status"]): string | null {
  if (status.inhibitedBy) return `muted: ${status.inhibitedBy.why}`;
  if (status.silencedBy.length) return `silenced (${status.silencedBy.length})`;
  return null;
}

export function durationWords(seconds: number): string {
  if (seconds === 0) return "0";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
