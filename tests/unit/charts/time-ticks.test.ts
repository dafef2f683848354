import { describe, expect, it } from "vitest";
import { formatTimeTick } from "../../../components/charts/chart-theme";

const DAY = 86_400_000;
const at = Date.UTC(2026, 2, 4, 0, 0);

describe("time axis ticks", () => {
  it("show the clock within a day and the date across days, in the reader's language", () => {
    expect(formatTimeTick(at + 14 * 3_600_000 + 5 * 60_000, DAY)).toBe("14:05");
    expect(formatTimeTick(at, 7 * DAY)).toBe("Mar 4");
    expect(formatTimeTick(at + 12 * 3_600_000, 3 * DAY)).toBe("Mar 4 12:00");
    expect(formatTimeTick(at, 7 * DAY, "zh-CN")).toBe("3月4日");
    expect(formatTimeTick(at + 12 * 3_600_000, 3 * DAY, "zh-CN")).toBe("3月4日 12:00");
  });
});
