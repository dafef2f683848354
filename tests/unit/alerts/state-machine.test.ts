import { describe, expect, it } from "vitest";
import { step, type Instance } from "../../../lib/alerts/state-machine";

const t = (s: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, s));
const timing = { forSeconds: 60, keepFiringForSeconds: 30 };

function run(holds: boolean[], everySeconds: number, tm = timing) {
  let inst: Instance | null = null;
  const states: string[] = [];
  holds.forEach((h, i) => {
    const next = step(inst, h, tm, t(i * everySeconds));
    inst = next.kind === "keep" ? next.instance : null;
    states.push(inst?.state ?? "none");
  });
  return states;
}

describe("the alert life cycle (Prometheus semantics)", () => {
  it("is pending until the check has held for `for`, then fires", () => {
    expect(run([true, true, true, true, true], 20)).toEqual(["pending", "pending", "pending", "firing", "firing"]);
  });

  it("fires at once when `for` is 0", () => {
    expect(run([true], 15, { forSeconds: 0, keepFiringForSeconds: 0 })).toEqual(["firing"]);
  });

  it("drops a pending alert whose check stops holding: it never fired, so no one hears of it", () => {
    expect(run([true, true, false], 20)).toEqual(["pending", "pending", "none"]);
  });

  it("keeps firing for keep_firing_for after the check last held, then resolves", () => {
    // holds 0..60 s (fires at 60), stops at 80; 80-60=20 < 30 keep firing; at 100, 40 ≥ 30: resolved.
    expect(run([true, true, true, true, false, false], 20)).toEqual([
      "pending",
      "pending",
      "pending",
      "firing",
      "firing",
      "resolved",
    ]);
  });

  it("resolves at the first evaluation without keep_firing_for, and a later hit starts a new alert", () => {
    const states = run([true, false, true], 15, { forSeconds: 0, keepFiringForSeconds: 0 });
    expect(states).toEqual(["firing", "resolved", "firing"]);
  });

  it("keeps activeAt while pending and marks what changed", () => {
    const first = step(null, true, timing, t(0));
    expect(first).toMatchObject({ kind: "keep", changed: true });
    const second = step(first.kind === "keep" ? first.instance : null, true, timing, t(10));
    expect(second).toMatchObject({ kind: "keep", changed: false });
    if (second.kind === "keep") expect(second.instance.activeAt).toEqual(t(0));
  });
});
