import { createHash } from "node:crypto";
import type { Matcher } from "./schemas";

export type Labels = Readonly<Record<string, string>>;

/**
 * An alert instance's identity: its label set, order-free (Alertmanager's
 * fingerprint, here sha256 over the sorted `name=value` pairs, 16 hex digits).
 * The rule's name is the `alertname` label, so two rules never share one.
 */
export function fingerprintOf(labels: Labels): string {
  const h = createHash("sha256");
  for (const name of Object.keys(labels).sort()) h.update(`${name}\u0000${labels[name]}\u0001`);
  return h.digest("hex").slice(0, 16);
}

// Regexes are anchored, as Alertmanager's are: `gpu-node-0.` must match the whole value.
const compiled = new Map<string, RegExp>();
function regexOf(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Whether one matcher holds; a missing label reads as "" (so `gpu=""` matches alerts without one). */
export function matches(m: Matcher, labels: Labels): boolean {
  const value = labels[m.name] ?? "";
  const hit = m.isRegex ? regexOf(m.value).test(value) : value === m.value;
  return m.isEqual ? hit : !hit;
}

export const matchesAll = (ms: readonly Matcher[], labels: Labels) => ms.every((m) => matches(m, labels));

/** `a="x", b=~"y"` as Alertmanager writes matchers. */
export function formatMatchers(ms: readonly Matcher[]): string {
  return ms.map((m) => `${m.name}${m.isEqual ? "" : "!"}${m.isRegex ? "~" : "="}"${m.value}"`).join(", ");
}
