import { describe, expect, it } from "vitest";
import { computeBaselines, logisticBaseline, majorityBaseline } from "../../../../lib/training/judge/baselines";
import { createPrng } from "../../../../lib/training/engine/prng";
import { toTrainingData, type LabelledSplit } from "../../../../lib/training/engine/training-data";

/** `rows` points in `cols` dimensions; the label is the index of the largest of the first `classes` features (a linear rule). */
function linear(rows: number, cols: number, classes: number, seed: number): { x: number[][]; y: number[] } {
  const r = createPrng(seed);
  const x = Array.from({ length: rows }, () => Array.from({ length: cols }, () => r.next() * 10 - 5));
  return {
    x,
    y: x.map((v) => v.slice(0, classes).reduce((best, value, i, all) => (value > all[best]! ? i : best), 0)),
  };
}

function split(part: { x: number[][]; y: number[] }, classes: string[]): LabelledSplit {
  const cols = part.x[0]!.length;
  return toTrainingData({
    preprocessing: { classes, encodedFeatureNames: Array.from({ length: cols }, (_, i) => `f${i}`) },
    train: part,
    validation: { x: [], y: [] },
    test: { x: [], y: [] },
  }).train;
}

describe("majority-class baseline", () => {
  it("always predicts the most frequent training class, scored with the headline F1", () => {
    // Train: 3 × "no", 1 × "yes" → always "no": F1 of class "yes" is 0, accuracy is the share of "no" in the evaluated rows.
    expect(majorityBaseline([0, 0, 0, 1], [0, 1, 0, 0, 1], ["no", "yes"])).toMatchObject({
      kind: "majority_class",
      label: "no",
      f1: 0,
      accuracy: 0.6,
      rocAuc: 0.5,
    });
    // Majority "yes": precision p, recall 1 → F1 = 2p / (1 + p).
    const yes = majorityBaseline([1, 1, 0], [1, 1, 1, 0], ["no", "yes"]);
    expect(yes).toMatchObject({ label: "yes", description: 'majority class (always "yes")' });
    expect(yes.f1).toBeCloseTo((2 * 0.75) / 1.75, 12);
    // Three classes: macro F1, only the predicted class scores.
    const macro = majorityBaseline([2, 2, 1, 0], [2, 2, 0, 1], ["a", "b", "c"]);
    expect(macro.f1).toBeCloseTo((2 * 0.5) / 1.5 / 3, 12);
  });

  it("breaks a tie towards the class with the higher F1 (the stronger baseline)", () => {
    expect(majorityBaseline([0, 1, 1, 0], [0, 1, 1, 0], ["0", "1"])).toMatchObject({ label: "1" });
  });
});

describe("logistic-regression baseline", () => {
  it("fits a linear rule on the training split and scores it on the other rows", () => {
    const classes = ["a", "b", "c"];
    const b = logisticBaseline(split(linear(600, 4, 3, 1), classes), split(linear(300, 4, 3, 2), classes), classes);
    expect(b).toMatchObject({
      kind: "logistic_regression",
      rows: 600,
      iterations: 150,
      rocAuc: null,
      description: "logistic regression (600 training rows)",
    });
    expect(b.f1).toBeGreaterThan(0.9);
  });

  it("cannot separate XOR (what a hidden layer is for)", () => {
    const xor = {
      x: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      y: [0, 1, 1, 0],
    };
    const b = logisticBaseline(split(xor, ["0", "1"]), split(xor, ["0", "1"]), ["0", "1"]);
    expect(b.accuracy).toBeLessThanOrEqual(0.5);
  });

  it("is deterministic for the same data", () => {
    const classes = ["no", "yes"];
    const train = split(linear(300, 3, 2, 3), classes);
    const test = split(linear(100, 3, 2, 4), classes);
    expect(logisticBaseline(train, test, classes)).toEqual(logisticBaseline(train, test, classes));
  });

  it("caps its cost on a big or wide training split and says how many rows it used", () => {
    const classes = Array.from({ length: 5 }, (_, i) => `c${i}`);
    const wide = split(linear(20_000, 60, 5, 5), classes);
    const started = performance.now();
    const b = logisticBaseline(wide, split(linear(500, 60, 5, 6), classes), classes);
    const ms = performance.now() - started;
    // 6e7 multiply-adds / (2 × 150 iterations × 61 weights × 5 classes) = 655 rows.
    expect(b.rows).toBe(655);
    expect(b.description).toBe("logistic regression (655 of 20000 training rows)");
    expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(1500);
    expect(b.f1).toBeGreaterThan(0.8);
    // Very wide data keeps MIN_ROWS (200) rows and runs fewer steps instead (never fewer than 20).
    const many = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const wider = logisticBaseline(split(linear(300, 1500, 10, 9), many), split(linear(50, 1500, 10, 10), many), many);
    expect(wider).toMatchObject({ rows: 200, iterations: 20 });
  });

  it("scores both baselines on the same rows, the majority class first", () => {
    const classes = ["no", "yes"];
    const [m, l] = computeBaselines(split(linear(200, 3, 2, 7), classes), split(linear(80, 3, 2, 8), classes), classes);
    expect([m!.kind, l!.kind]).toEqual(["majority_class", "logistic_regression"]);
    expect(l!.f1).toBeGreaterThan(m!.f1);
  });
});
