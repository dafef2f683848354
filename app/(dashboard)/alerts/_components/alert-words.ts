import type { BadgeTone } from "@/components/ui/badge";
import type { AlertOut } from "@/lib/alerts/outputs";
import { formatInterval } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

// How alerts read on a page: severity and state as words beside their colour.

export const severityTone: Record<string, BadgeTone> = { critical: "bad", warning: "warn", info: "info" };

/** Severities the catalogue names (common.severity.<s>); a rule's label could in principle hold another. */
export const knownSeverities = new Set(["critical", "warning", "info"]);

export const stateTone: Record<AlertOut["state"], BadgeTone> = { firing: "bad", pending: "warn", resolved: "good" };

/** The labels that say where, in reading order; alertname and severity are shown on their own. */
export function whereLabels(labels: Record<string, string>): [string, string][] {
  const order = ["site", "rack", "hostname", "gpu_index", "gpu", "deployment", "model", "version", "feature", "job"];
  return Object.entries(labels)
    .filter(([k]) => k !== "alertname" && k !== "severity")
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
}

/** Why an alert notifies nobody: inhibited (with the inhibition rule's reason), or silenced by how many. */
export type Muted = { kind: "inhibited"; why: string } | { kind: "silenced"; count: number } | null;

export function mutedBy(status: AlertOut["status"]): Muted {
  if (status.inhibitedBy) return { kind: "inhibited", why: status.inhibitedBy.why };
  if (status.silencedBy.length) return { kind: "silenced", count: status.silencedBy.length };
  return null;
}

/** A rule's or receiver's duration: "0", "30 s", "5 min", "2 h". */
export function durationWords(seconds: number, locale: Locale): string {
  return seconds === 0 ? "0" : formatInterval(seconds, locale);
}
