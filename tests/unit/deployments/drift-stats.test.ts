import { describe, expect, it } from "vitest";
import {
  binOf,
  chiSquareHomogeneity,
  countBins,
  ksTwoSample,
  psi,
  psiBand,
  quantileEdges,
} from "../../../lib/deployments/drift-stats";

/** A deterministic standard normal sample (Box–Muller over a seeded LCG). */
function normal(n: number, mean = 0, sd = 1, seed = 7): number[] {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) + 1) / (2 ** 31 + 1);
  return Array.from({ length: n }, () => mean + sd * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

describe("PSI over training quantile bins", () => {
  const training = normal(5000);
  const edges = quantileEdges(training, 10);
  const expected = countBins(training, edges);

  it("cuts training into ten bins of about equal share", () => {
    expect(edges).toHaveLength(9);
    for (const c of expected) expect(c / 5000).toBeCloseTo(0.1, 1);
    expect(binOf(edges[0]! - 1e-9, edges)).toBe(0);
    expect(binOf(edges[0]!, edges)).toBe(1);
    expect(binOf(1e9, edges)).toBe(9);
  });

  it("is about 0 for inputs like the training data, and over 0.25 for a shifted feature", () => {
    const same = psi(expected, countBins(normal(2000, 0, 1, 99), edges));
    expect(same).toBeLessThan(0.02);
    expect(psiBand(same)).toBe("stable");
    const shifted = psi(expected, countBins(normal(2000, 1, 1, 99), edges));
    expect(shifted).toBeGreaterThan(0.25);
    expect(psiBand(shifted)).toBe("drifted");
    expect(psiBand(0.15)).toBe("moderate");
  });

  it("stays finite when live traffic leaves bins empty (ε for an empty bin)", () => {
    const allInOne = [0, 0, 0, 0, 0, 0, 0, 0, 0, 100];
    expect(Number.isFinite(psi(expected, allInOne))).toBe(true);
    expect(psi(expected, allInOne)).toBeGreaterThan(1);
  });

  it("merges duplicate edges of a feature with few distinct values", () => {
    expect(quantileEdges([0, 0, 0, 0, 0, 0, 1, 1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});

describe("Kolmogorov–Smirnov", () => {
  it("finds no difference between two samples of one distribution, and a clear one after a shift", () => {
    const same = ksTwoSample(normal(1000, 0, 1, 1), normal(1000, 0, 1, 2));
    expect(same.d).toBeLessThan(0.07);
    expect(same.pValue).toBeGreaterThan(0.05);
    const shifted = ksTwoSample(normal(1000, 0, 1, 1), normal(1000, 0.5, 1, 2));
    expect(shifted.d).toBeGreaterThan(0.15);
    expect(shifted.pValue).toBeLessThan(1e-6);
    expect(shifted).toMatchObject({ n1: 1000, n2: 1000 });
  });

  it("matches the textbook statistic on a small case", () => {
    // F1 steps at 1,2,3 and F2 at 2.5,3.5: the largest gap is 2/3 (just after 2).
    expect(ksTwoSample([1, 2, 3], [2.5, 3.5]).d).toBeCloseTo(2 / 3, 10);
  });
});

describe("χ² for categories", () => {
  it("computes the statistic, its p-value and Cramér's V", () => {
    // Training 50/50, live 80/20 over 100 rows each: expected 65/35 per row, χ² = 2·225/65 + 2·225/35.
    const r = chiSquareHomogeneity([50, 50], [80, 20]);
    expect(r.chi2).toBeCloseTo((2 * 225) / 65 + (2 * 225) / 35, 9);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeLessThan(1e-4);
    expect(r.cramersV).toBeCloseTo(Math.sqrt(r.chi2 / 200), 9);
    expect(chiSquareHomogeneity([50, 50], [50, 50]).pValue).toBeCloseTo(1, 6);
  });

  it("leaves out categories neither side saw, and answers p = 1 when live traffic is empty", () => {
    expect(chiSquareHomogeneity([10, 0, 10], [5, 0, 5]).df).toBe(1);
    expect(chiSquareHomogeneity([10, 10], [0, 0]).pValue).toBe(1);
  });
});
