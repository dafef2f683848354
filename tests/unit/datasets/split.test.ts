import { describe, expect, it } from "vitest";
import { mulberry32, stratifiedSplit } from "../../../lib/datasets/split";

// 600 rows in three unbalanced classes, interleaved so row order says nothing about the class.
const labels = Array.from({ length: 600 }, (_, i) => (i % 6 === 0 ? 2 : i % 3 === 0 ? 1 : 0));
const countOf = (indices: number[], label: number) => indices.filter((i) => labels[i] === label).length;

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const v of draw(123)) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe("stratified split", () => {
  it("is deterministic: the same labels and seed give the same indexes", () => {
    expect(stratifiedSplit(labels, { seed: 42 })).toEqual(stratifiedSplit(labels, { seed: 42 }));
    expect(stratifiedSplit(labels, { seed: 42 }).test).not.toEqual(stratifiedSplit(labels, { seed: 43 }).test);
  });

  it("puts every row in exactly one part", () => {
    const { train, validation, test } = stratifiedSplit(labels, { seed: 1 });
    const all = [...train, ...validation, ...test];
    expect(all.length).toBe(labels.length);
    expect(new Set(all).size).toBe(labels.length);
    expect([...all].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it("keeps each class's share in each part (70/15/15 by default)", () => {
    const split = stratifiedSplit(labels, { seed: 9 });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([420, 90, 90]);
    // Class sizes 400, 100, 100 → 280/60/60, 70/15/15, 70/15/15.
    expect([0, 1, 2].map((c) => countOf(split.train, c))).toEqual([280, 70, 70]);
    expect([0, 1, 2].map((c) => countOf(split.validation, c))).toEqual([60, 15, 15]);
    expect([0, 1, 2].map((c) => countOf(split.test, c))).toEqual([60, 15, 15]);
  });

  it("honours other proportions and spreads rounding across parts", () => {
    // Three classes of 70 at 70/15/15: 49 train each, and 10.5 can't be split, so validation and test alternate the extra row.
    const wheat = Array.from({ length: 210 }, (_, i) => String(1 + Math.floor(i / 70)));
    const split = stratifiedSplit(wheat, { seed: 3 });
    expect(split.train.length).toBe(147);
    expect(Math.abs(split.validation.length - split.test.length)).toBeLessThanOrEqual(1);
    const custom = stratifiedSplit(labels, { seed: 3, train: 0.8, validation: 0, test: 0.2 });
    expect([custom.train.length, custom.validation.length, custom.test.length]).toEqual([480, 0, 120]);
  });

  it("returns each part's indexes in ascending order", () => {
    const split = stratifiedSplit(labels, { seed: 11 });
    for (const part of [split.train, split.validation, split.test])
      expect(part).toEqual([...part].sort((a, b) => a - b));
  });

  it("refuses proportions that do not add up to 1", () => {
    expect(() => stratifiedSplit(labels, { seed: 1, train: 0.8, validation: 0.15, test: 0.15 })).toThrow(/add up to 1/);
    expect(() => stratifiedSplit(labels, { seed: 1.5 })).toThrow();
  });
});
