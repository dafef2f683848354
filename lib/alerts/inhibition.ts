import { matchesAll, type Labels } from "./labels";
import type { Matcher } from "./schemas";

/** Alertmanager's inhibit rule: a firing `source` alert mutes `target` alerts that agree with it on `equal`. */
export type InhibitRule = { why: string; source: Matcher[]; target: Matcher[]; equal: string[] };

const eq = (name: string, value: string): Matcher => ({ name, value, isRegex: false, isEqual: true });
const present = (name: string): Matcher => ({ name, value: ".+", isRegex: true, isEqual: true });

/**
 * Shipped inhibitions. A server that has gone silent makes all its GPUs stale at
 * once: one alert for the server, not one per GPU. A critical alert on a GPU
 * (an XID) makes its warnings (heat, staleness) noise for whoever is paged.
 */
export const INHIBIT_RULES: readonly InhibitRule[] = [
  {
    why: "its server is silent",
    source: [eq("alertname", "ServerSilent")],
    target: [present("gpu")],
    equal: ["hostname"],
  },
  {
    why: "a critical alert on the same GPU",
    source: [eq("severity", "critical"), present("gpu")],
    target: [eq("severity", "warning"), present("gpu")],
    equal: ["gpu"],
  },
];

export type Inhibitable = { fingerprint: string; labels: Labels; state: string };
export type Inhibition = { by: string; why: string };

/**
 * Which alerts are inhibited, and by which firing alert. As in Alertmanager, an
 * alert matching both sides of a rule cannot be muted by another that does too
 * (so a rule never mutes the alerts that trigger it), and only firing alerts inhibit.
 */
export function inhibitions(
  alerts: readonly Inhibitable[],
  rules: readonly InhibitRule[] = INHIBIT_RULES,
): Map<string, Inhibition> {
  const out = new Map<string, Inhibition>();
  for (const rule of rules) {
    const sources = alerts.filter((a) => a.state === "firing" && matchesAll(rule.source, a.labels));
    if (sources.length === 0) continue;
    const keyOf = (l: Labels) => JSON.stringify(rule.equal.map((n) => l[n] ?? ""));
    const byKey = new Map<string, Inhibitable[]>();
    for (const s of sources) byKey.set(keyOf(s.labels), [...(byKey.get(keyOf(s.labels)) ?? []), s]);
    for (const t of alerts) {
      if (out.has(t.fingerprint) || !matchesAll(rule.target, t.labels)) continue;
      const targetIsSource = matchesAll(rule.source, t.labels);
      const by = (byKey.get(keyOf(t.labels)) ?? []).find(
        (s) => s.fingerprint !== t.fingerprint && !(targetIsSource && matchesAll(rule.target, s.labels)),
      );
      if (by) out.set(t.fingerprint, { by: by.fingerprint, why: rule.why });
    }
  }
  return out;
}
