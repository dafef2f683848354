import type { Labels } from "../labels";

/**
 * Alertmanager's webhook payload, version 4, so receivers written for
 * Alertmanager (PagerDuty bridges, chat relays, ticket hooks) work unchanged.
 * https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 */
export type WebhookAlert = {
  status: "firing" | "resolved";
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
};

export type WebhookPayload = {
  version: "4";
  groupKey: string;
  truncatedAlerts: number;
  status: "firing" | "resolved";
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
};

/** Alertmanager's "not ended" time for a firing alert. */
export const NOT_ENDED = "0001-01-01T00:00:00Z";
/** Most alerts one notification carries; the rest are counted in truncatedAlerts (as Alertmanager's max_alerts). */
export const MAX_ALERTS = 200;

function common(maps: readonly Labels[]): Record<string, string> {
  if (maps.length === 0) return {};
  const [first, ...rest] = maps;
  return Object.fromEntries(Object.entries(first!).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

export function webhookPayload(input: {
  receiver: string;
  groupKey: string;
  groupLabels: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
}): WebhookPayload {
  // Firing first, so a truncated notification drops resolved news before firing news.
  const sorted = [...input.alerts].sort((a, b) =>
    a.status === b.status ? a.startsAt.localeCompare(b.startsAt) : a.status === "firing" ? -1 : 1,
  );
  const alerts = sorted.slice(0, MAX_ALERTS);
  return {
    version: "4",
    groupKey: input.groupKey,
    truncatedAlerts: sorted.length - alerts.length,
    status: sorted.some((a) => a.status === "firing") ? "firing" : "resolved",
    receiver: input.receiver,
    groupLabels: input.groupLabels,
    commonLabels: common(alerts.map((a) => a.labels)),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL: input.externalURL,
    alerts,
  };
}
