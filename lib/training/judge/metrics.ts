/**
 * Classification metrics on plain arrays (no TF.js), so they can be tested
 * against hand-computed values and reused by serving.
 *
 * Conventions:
 * - Labels are class indices 0..k-1 (Preprocessing.classes order).
 * - Binary (k = 2): the positive class is index 1; `precision`, `recall` and
 *   `f1` are those of class 1. Multi-class: they are the macro averages.
 * - A class that is never predicted has precision 0, and one that never occurs
 *   has recall 0 (scikit-learn's zero_division=0); F1 is 0 when P + R = 0.
 *   These zeros count in the macro average — a model that ignores a class
 *   should not look good on average.
 */

export type ClassMetrics = { label: string; precision: number; recall: number; f1: number; support: number };
export type Averages = { precision: number; recall: number; f1: number };

export type Evaluation = {
  samples: number;
  accuracy: number;
  /** Binary: of the positive class (index 1). Multi-class: macro average. */
  precision: number;
  recall: number;
  f1: number;
  average: "binary" | "macro";
  perClass: ClassMetrics[];
  macro: Averages;
  /** Averaged with each class weighted by its support. */
  weighted: Averages;
  /** confusion[actual][predicted] */
  confusion: number[][];
  /** Binary only: area under the ROC curve of P(class 1); null for multi-class or when one class is absent. */
  rocAuc: number | null;
  classes: string[];
};

export function accuracy(actual: readonly number[], predicted: readonly number[]): number {
  if (actual.length === 0) return 0;
  let hits = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) hits++;
  return hits / actual.length;
}

/** rows = actual class, columns = predicted class. */
export function confusionMatrix(
  actual: readonly number[],
  predicted: readonly number[],
  classCount: number,
): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) m[actual[i]!]![predicted[i]!]! += 1;
  return m;
}

const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function perClassMetrics(confusion: number[][], labels: readonly string[]): ClassMetrics[] {
  return confusion.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, r) => sum + r[c]!, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { label: labels[c] ?? String(c), precision, recall, f1: harmonic(precision, recall), support };
  });
}

function average(perClass: ClassMetrics[], weighted: boolean): Averages {
  const total = perClass.reduce((s, c) => s + c.support, 0);
  const w = (c: ClassMetrics) => (weighted ? ratio(c.support, total) : 1 / perClass.length);
  const sum = (f: (c: ClassMetrics) => number) => perClass.reduce((s, c) => s + w(c) * f(c), 0);
  return { precision: sum((c) => c.precision), recall: sum((c) => c.recall), f1: sum((c) => c.f1) };
}

/**
 * ROC AUC as the Mann–Whitney statistic: the probability that a random positive
 * scores above a random negative, ties counting one half (average ranks).
 */
export function rocAuc(actual: readonly number[], scores: readonly number[]): number | null {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const avg = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = avg;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 1) {
      positives++;
      rankSum += ranks[i]!;
    }
  }
  const negatives = actual.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Index of the largest probability (first on ties). */
export function argmax(row: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

/**
 * Everything the run page and the API show, from true labels and per-class
 * probabilities (each row sums to 1; binary rows are [P(0), P(1)]).
 */
export function evaluateClassifier(
  actual: readonly number[],
  probabilities: readonly (readonly number[])[],
  classes: readonly string[],
): Evaluation {
  const k = Math.max(classes.length, 2);
  const predicted = probabilities.map(argmax);
  const confusion = confusionMatrix(actual, predicted, k);
  const perClass = perClassMetrics(confusion, classes);
  const macro = average(perClass, false);
  const binary = k === 2;
  const headline = binary ? perClass[1]! : macro;
  return {
    samples: actual.length,
    accuracy: accuracy(actual, predicted),
    precision: headline.precision,
    recall: headline.recall,
    f1: headline.f1,
    average: binary ? "binary" : "macro",
    perClass,
    macro,
    weighted: average(perClass, true),
    confusion,
    rocAuc: binary
      ? rocAuc(
          actual,
          probabilities.map((p) => p[1] ?? 0),
        )
      : null,
    classes: [...classes],
  };
}
