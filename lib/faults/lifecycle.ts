/**
 * The node fault life cycle, as a table: which step an operator (or the
 * workflow) may take from where. `null` is "in service".
 *
 *   in service ─quarantine→ quarantined ─drain→ draining ─(jobs gone)→ drained
 *   drained ─remediate→ remediating ─return→ in service
 *   drained | remediating ─rma→ rma ─return→ in service (after the part came back)
 */
export type FaultState = "quarantined" | "draining" | "drained" | "remediating" | "rma";
export type FaultAction = "quarantine" | "drain" | "remediate" | "return" | "rma";

const steps: Record<FaultAction, { from: readonly (FaultState | null)[]; to: FaultState | null }> = {
  quarantine: { from: [null], to: "quarantined" },
  drain: { from: ["quarantined"], to: "draining" },
  remediate: { from: ["drained"], to: "remediating" },
  return: { from: ["remediating", "rma"], to: null },
  rma: { from: ["drained", "remediating"], to: "rma" },
};

export function nextState(from: FaultState | null, action: FaultAction): FaultState | null | undefined {
  const s = steps[action];
  return s.from.includes(from) ? s.to : undefined;
}

/** The steps open from a state, in the order a page offers them. */
export function actionsFrom(from: FaultState | null): FaultAction[] {
  return (Object.keys(steps) as FaultAction[]).filter((a) => steps[a].from.includes(from));
}

export const stateWords = (s: FaultState | null) => s ?? "in service";
