import { describe, expect, it } from "vitest";
import { formatDelta, formatDuration, splitPhrase } from "@/components/ui/model-figures";

// How a model version's figures read in each language (components/ui/model-figures.ts).

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString();

describe("model figures", () => {
  it("writes a run's duration in at most two units, leaving out a zero rest", () => {
    const from = at(0);
    expect([13, 250, 240, 3600, 7230, 7500].map((s) => formatDuration(from, at(s), "en"))).toEqual([
      "13 s",
      "4 min 10 s",
      "4 min",
      "1 h",
      "2 h",
      "2 h 5 min",
    ]);
    expect(formatDuration(from, at(250), "zh-CN")).toBe("4 分钟 10 秒");
  });

  it("always writes a delta's sign", () => {
    expect([0.0123, -0.0041, 0.00001].map((d) => formatDelta(d, "en"))).toEqual(["+0.012", "−0.004", "±0"]);
  });

  it("names the splits the catalogue knows and shows any other as stored", () => {
    const t = (key: string) => `[${key}]`;
    expect(splitPhrase("test", t)).toBe("[split.test]");
    expect(splitPhrase(null, t)).toBe("[split.none]");
    expect(splitPhrase("holdout-2024", t)).toBe("holdout-2024");
  });
});
