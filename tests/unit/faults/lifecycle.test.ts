import { describe, expect, it } from "vitest";
import { actionsFrom, nextState } from "../../../lib/faults/lifecycle";
import { takesNodeOut, xidEntry } from "../../../lib/faults/xid-catalog";

describe("the node fault life cycle", () => {
  it("goes quarantined → draining → (drained) → remediating → in service", () => {
    expect(nextState(null, "quarantine")).toBe("quarantined");
    expect(nextState("quarantined", "drain")).toBe("draining");
    expect(nextState("drained", "remediate")).toBe("remediating");
    expect(nextState("remediating", "return")).toBeNull();
  });
  it("sends a drained or remediating node for RMA, and takes it back from there", () => {
    expect(nextState("drained", "rma")).toBe("rma");
    expect(nextState("remediating", "rma")).toBe("rma");
    expect(nextState("rma", "return")).toBeNull();
  });
  it("refuses steps out of order", () => {
    expect(nextState(null, "return")).toBeUndefined();
    expect(nextState("quarantined", "remediate")).toBeUndefined();
    expect(nextState("draining", "return")).toBeUndefined();
    expect(nextState("rma", "quarantine")).toBeUndefined();
  });
  it("offers the open steps", () => {
    expect(actionsFrom(null)).toEqual(["quarantine"]);
    expect(actionsFrom("draining")).toEqual([]);
    expect(actionsFrom("drained")).toEqual(["remediate", "rma"]);
  });
});

describe("the XID catalog", () => {
  it("maps XIDs to NVIDIA's remedies", () => {
    expect(xidEntry(48)).toMatchObject({ action: "reset_gpu", name: "double-bit ECC error" });
    expect(xidEntry(79).action).toBe("reboot");
    expect(xidEntry(94).action).toBe("restart_app");
    expect(xidEntry(13).action).toBe("restart_app");
    expect(xidEntry(63).action).toBe("ignore");
    expect(xidEntry(64).action).toBe("reset_gpu");
  });
  it("takes a node out only for a reset, a reboot or the vendor; an unknown XID is treated as needing a reset", () => {
    expect(takesNodeOut(xidEntry(48).action)).toBe(true);
    expect(takesNodeOut(xidEntry(79).action)).toBe(true);
    expect(takesNodeOut(xidEntry(92).action)).toBe(true);
    expect(takesNodeOut(xidEntry(94).action)).toBe(false);
    expect(takesNodeOut(xidEntry(45).action)).toBe(false);
    expect(xidEntry(9999)).toMatchObject({ action: "reset_gpu", name: "not in Rackmind's catalog" });
  });
});
