import { describe, expect, it } from "vitest";
import { findOverlap, outOfRackReason, overlaps, topU } from "../../../lib/inventory/placement";

describe("rack placement", () => {
  it("counts U from the bottom: a 2U server at U5 occupies U5 and U6", () => {
    expect(topU({ positionU: 5, heightU: 2 })).toBe(6);
  });

  it("treats touching servers as not overlapping and shared U as overlapping", () => {
    expect(overlaps({ positionU: 1, heightU: 2 }, { positionU: 3, heightU: 2 })).toBe(false);
    expect(overlaps({ positionU: 1, heightU: 3 }, { positionU: 3, heightU: 2 })).toBe(true);
    expect(overlaps({ positionU: 10, heightU: 8 }, { positionU: 12, heightU: 1 })).toBe(true);
  });

  it("accepts the top U exactly and refuses one U beyond it", () => {
    expect(outOfRackReason({ hostname: "a", positionU: 41, heightU: 2 }, "r1", 42)).toBeNull();
    expect(outOfRackReason({ hostname: "a", positionU: 41, heightU: 3 }, "r1", 42)).toBe(
      "a: U41–U43 does not fit in r1 (42U)",
    );
    expect(outOfRackReason({ hostname: "a", positionU: 0, heightU: 1 }, "r1", 42)).toMatch(/below U1/);
  });

  it("ignores the server itself when it is being moved", () => {
    const self = { hostname: "a", positionU: 5, heightU: 2 };
    expect(findOverlap({ ...self, positionU: 6 }, [self])).toBeUndefined();
    expect(findOverlap({ ...self, positionU: 6 }, [self, { hostname: "b", positionU: 7, heightU: 1 }])?.hostname).toBe(
      "b",
    );
  });
});
