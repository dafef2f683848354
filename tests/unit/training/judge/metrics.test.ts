import { describe, expect, it } from "vitest";
import { accuracy, argmax, confusionMatrix, evaluateClassifier, rocAuc } from "../../../../lib/training/judge/metrics";

// Probability rows whose argmax is the given class.
const oneHotish = (classes: number[], k: number) =>
  classes.map((c) => Array.from({ length: k }, (_, i) => (i === c ? 0.8 : 0.2 / (k - 1))));

describe("binary metrics", () => {
  // actual:    1 1 1 1 0 0 0 0 0 0
  // predicted: 1 1 1 0 1 0 0 0 0 0  → TP 3, FN 1, FP 1, TN 5
  const actual = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
  const predicted = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0];

  it("computes accuracy, precision, recall and F1 of the positive class (index 1) by hand", () => {
    const e = evaluateClassifier(actual, oneHotish(predicted, 2), ["no", "yes"]);
    expect(e.average).toBe("binary");
    expect(e.accuracy).toBeCloseTo(8 / 10, 12);
    expect(e.precision).toBeCloseTo(3 / 4, 12);
    expect(e.recall).toBeCloseTo(3 / 4, 12);
    expect(e.f1).toBeCloseTo(3 / 4, 12);
    expect(e.confusion).toEqual([
      [5, 1],
      [1, 3],
    ]);
    // Class 0: precision 5/6, recall 5/6; macro F1 = (5/6 + 3/4) / 2.
    expect(e.perClass[0]).toMatchObject({ label: "no", support: 6 });
    expect(e.perClass[0]!.precision).toBeCloseTo(5 / 6, 12);
    expect(e.macro.f1).toBeCloseTo((5 / 6 + 3 / 4) / 2, 12);
    expect(e.weighted.f1).toBeCloseTo(0.6 * (5 / 6) + 0.4 * (3 / 4), 12);
  });

  it("computes ROC AUC by ranks, counting ties as one half", () => {
    // Positives score 0.9, 0.6, 0.4; negatives 0.6, 0.3, 0.1.
    // Pairs (pos > neg): 0.9 beats 3; 0.6 beats 2 and ties 1 (½); 0.4 beats 2 → 7.5 / 9.
    expect(rocAuc([1, 1, 1, 0, 0, 0], [0.9, 0.6, 0.4, 0.6, 0.3, 0.1])).toBeCloseTo(7.5 / 9, 12);
    expect(rocAuc([1, 0], [0.2, 0.8])).toBe(0);
    expect(rocAuc([1, 1], [0.2, 0.8])).toBeNull(); // no negatives: undefined
    const e = evaluateClassifier(
      [1, 1, 1, 0, 0, 0],
      [0.9, 0.6, 0.4, 0.6, 0.3, 0.1].map((p) => [1 - p, p]),
      ["0", "1"],
    );
    expect(e.rocAuc).toBeCloseTo(7.5 / 9, 12);
  });

  it("reads a binary row [P(0), P(1)] at exactly 0.5 as class 0", () => {
    expect(argmax([0.5, 0.5])).toBe(0);
  });
});

describe("multi-class metrics", () => {
  // 3 classes; class 2 is never predicted.
  // actual:    0 0 0 1 1 1 2 2
  // predicted: 0 0 1 1 1 0 1 0
  const actual = [0, 0, 0, 1, 1, 1, 2, 2];
  const predicted = [0, 0, 1, 1, 1, 0, 1, 0];

  it("builds the confusion matrix with rows = actual and columns = predicted", () => {
    expect(confusionMatrix(actual, predicted, 3)).toEqual([
      [2, 1, 0],
      [1, 2, 0],
      [1, 1, 0],
    ]);
    expect(accuracy(actual, predicted)).toBeCloseTo(4 / 8, 12);
  });

  it("gives per-class, macro and weighted figures, with precision 0 for a class never predicted", () => {
    const e = evaluateClassifier(actual, oneHotish(predicted, 3), ["a", "b", "c"]);
    expect(e.average).toBe("macro");
    // class a: TP 2, predicted 4, support 3 → P 1/2, R 2/3, F1 4/7
    // class b: TP 2, predicted 4, support 3 → P 1/2, R 2/3, F1 4/7
    // class c: TP 0, predicted 0 (precision 0 by convention), support 2 → R 0, F1 0
    const [a, b, c] = e.perClass;
    expect(a!.precision).toBeCloseTo(1 / 2, 12);
    expect(a!.recall).toBeCloseTo(2 / 3, 12);
    expect(a!.f1).toBeCloseTo(4 / 7, 12);
    expect(b!.f1).toBeCloseTo(4 / 7, 12);
    expect(c).toEqual({ label: "c", precision: 0, recall: 0, f1: 0, support: 2 });
    expect(e.precision).toBeCloseTo(1 / 3, 12);
    expect(e.recall).toBeCloseTo(4 / 9, 12);
    expect(e.f1).toBeCloseTo(8 / 21, 12);
    expect(e.weighted.f1).toBeCloseTo((3 / 8) * (4 / 7) * 2, 12);
    expect(e.rocAuc).toBeNull();
    expect(e.samples).toBe(8);
  });
});
