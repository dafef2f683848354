/**
 * Prometheus's alert life cycle as one pure step, for one label set of one rule
 * at one evaluation:
 * - the check holds and there is no alert: a new one, pending (firing at once when `for` is 0);
 * - pending that has held for `for`: firing;
 * - the check no longer holds: a pending alert is dropped (it never fired, so no one
 *   heard of it); a firing one stays firing for `keep_firing_for` after it last held,
 *   then resolves.
 */
export type AlertState = "pending" | "firing" | "resolved";

export type Instance = {
  state: AlertState;
  activeAt: Date;
  firedAt: Date | null;
  lastActiveAt: Date;
  resolvedAt: Date | null;
};

export type Timing = { forSeconds: number; keepFiringForSeconds: number };

/** What becomes of the alert: kept as the returned instance, or dropped (a pending one that stopped holding). */
export type Step = { kind: "keep"; instance: Instance; changed: boolean } | { kind: "drop" };

export function step(prev: Instance | null, holds: boolean, timing: Timing, now: Date): Step {
  const t = now.getTime();
  if (!prev || prev.state === "resolved") {
    if (!holds) return { kind: "drop" };
    const firing = timing.forSeconds === 0;
    return {
      kind: "keep",
      changed: true,
      instance: {
        state: firing ? "firing" : "pending",
        activeAt: now,
        firedAt: firing ? now : null,
        lastActiveAt: now,
        resolvedAt: null,
      },
    };
  }
  if (holds) {
    if (prev.state === "pending" && t - prev.activeAt.getTime() >= timing.forSeconds * 1000) {
      return { kind: "keep", changed: true, instance: { ...prev, state: "firing", firedAt: now, lastActiveAt: now } };
    }
    return { kind: "keep", changed: false, instance: { ...prev, lastActiveAt: now } };
  }
  if (prev.state === "pending") return { kind: "drop" };
  if (t - prev.lastActiveAt.getTime() < timing.keepFiringForSeconds * 1000) {
    return { kind: "keep", changed: false, instance: prev };
  }
  return { kind: "keep", changed: true, instance: { ...prev, state: "resolved", resolvedAt: now } };
}
