import { describe, expect, it } from "vitest";
import { findFreeRuns, worstHealth } from "../../../lib/inventory/rack-elevation";

describe("rack elevation helpers", () => {
  it("finds the empty stretches of a rack bottom-up", () => {
    expect(
      findFreeRuns(10, [
        { positionU: 3, heightU: 2 },
        { positionU: 7, heightU: 1 },
      ]),
    ).toEqual([
      { positionU: 1, heightU: 2 },
      { positionU: 5, heightU: 2 },
      { positionU: 8, heightU: 3 },
    ]);
  });

  it("reports a full rack as having no free units and an empty one as one run", () => {
    expect(findFreeRuns(4, [{ positionU: 1, heightU: 4 }])).toEqual([]);
    expect(findFreeRuns(42, [])).toEqual([{ positionU: 1, heightU: 42 }]);
  });

  it("ignores units outside the rack", () => {
    expect(findFreeRuns(4, [{ positionU: 3, heightU: 8 }])).toEqual([{ positionU: 1, heightU: 2 }]);
  });

  it("ranks failed over degraded over healthy, and has nothing to say without GPUs", () => {
    expect(worstHealth(["healthy", "degraded", "healthy"])).toBe("degraded");
    expect(worstHealth(["degraded", "failed"])).toBe("failed");
    expect(worstHealth([])).toBeNull();
  });
});
