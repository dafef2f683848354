import type { Labels } from "./labels";

export type Group<A> = { key: string; labels: Record<string, string>; alerts: A[] };

/**
 * Alerts grouped by the values of `by` (Alertmanager's group_by): one
 * notification and one row per group. The key is Alertmanager's shape,
 * `{}:{alertname="GpuXid",site="ams1"}`, so receivers can use it as they do.
 */
export function groupAlerts<A extends { labels: Labels }>(alerts: readonly A[], by: readonly string[]): Group<A>[] {
  const groups = new Map<string, Group<A>>();
  const names = [...by].sort();
  for (const a of alerts) {
    const labels = Object.fromEntries(names.map((n) => [n, a.labels[n] ?? ""]));
    const key = `{}:{${names.map((n) => `${n}=${JSON.stringify(labels[n])}`).join(",")}}`;
    const g = groups.get(key) ?? { key, labels, alerts: [] };
    g.alerts.push(a);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}
