import { describe, expect, it } from "vitest";
import { chooseSource, defaultStep } from "../../../../lib/telemetry/views/series";

describe("the default series step", () => {
  it.each([
    [15 * 60, 3, "raw"], // 15 min → 3 s: raw samples
    [3600, 12, "raw"],
    [6 * 3600, 120, "1m"], // 72 s → 2 min
    [86_400, 300, "1m"],
    [7 * 86_400, 3600, "1h"], // 2,016 s → 1 h, not raw
    [30 * 86_400, 3 * 3600, "1h"], // 8,640 s → 3 h
  ])("over %i s is %i s, served from %s", (range, step, source) => {
    expect(defaultStep(range)).toBe(step);
    expect(chooseSource(defaultStep(range))).toBe(source);
  });

  it("keeps about 300 points or fewer", () => {
    for (const range of [1, 59, 61, 3599, 3601, 86_399, 604_800, 2_592_000]) {
      expect(range / defaultStep(range)).toBeLessThanOrEqual(300);
      expect(range / defaultStep(range)).toBeGreaterThan(range >= 300 ? 100 : 0);
    }
  });
});
