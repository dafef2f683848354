/**
 * Reference models a trained network must beat, scored on the same evaluation
 * split with the same metrics (lib/training/judge/metrics.ts), so "F1 0.41" can be
 * read against what no learning (the majority class) and a linear model
 * (multinomial logistic regression) reach on those very rows.
 *
 * Plain TypeScript on the worker's main thread, so the cost is capped: the
 * logistic fit uses at most MAX_ROWS evenly spaced training rows and ITERATIONS
 * full-batch steps, fewer rows (then fewer steps) when features × classes are
 * wide (WORK_BUDGET), and it says how many it used.
 */
import { evaluateClassifier, type Evaluation } from "./metrics";
import type { LabelledSplit } from "../engine/training-data";

export type Baseline = {
  kind: "majority_class" | "logistic_regression";
  /** What the baseline is, for a person: `majority class (always "0")`, `logistic regression (537 training rows)`. */
  description: string;
  f1: number;
  accuracy: number;
  rocAuc: number | null;
  /** majority_class: the class always predicted. */
  label?: string;
  /** logistic_regression: training rows fitted on and full-batch iterations run. */
  rows?: number;
  /** logistic_regression: the training split's rows (more than `rows` when it was sampled down). */
  ofRows?: number;
  iterations?: number;
};

const MAX_ROWS = 5000;
/** Never fewer rows than this (or the whole split), however wide the data. */
const MIN_ROWS = 200;
const ITERATIONS = 150;
/**
 * Multiply-adds the fit may spend: at most ~0.3 s of the worker's main thread
 * (measured ~0.7 s for 1.5e8), which also renews job leases.
 */
const WORK_BUDGET = 6e7;
const LEARNING_RATE = 0.1;
/** L2 penalty: keeps the weights finite when the classes are linearly separable. */
const L2 = 1e-4;

function score(kind: Baseline["kind"], description: string, e: Evaluation, extra: Partial<Baseline>): Baseline {
  return { kind, description, f1: e.f1, accuracy: e.accuracy, rocAuc: e.rocAuc, ...extra };
}

/**
 * Always predicting the most frequent class of the training split. Ties go to
 * the class that scores the higher F1 on the evaluation rows, so the baseline
 * is never the weaker of two equally justified choices.
 */
export function majorityBaseline(
  train: Int32Array | readonly number[],
  evaluated: Int32Array | readonly number[],
  classes: readonly string[],
): Baseline {
  const k = Math.max(classes.length, 2);
  const counts = new Array<number>(k).fill(0);
  for (const y of train) counts[y]! += 1;
  const top = Math.max(...counts);
  const actual = Array.from(evaluated);
  let best: { e: Evaluation; c: number } | null = null;
  for (let c = 0; c < k; c++) {
    if (counts[c] !== top) continue;
    const row = Array.from({ length: k }, (_, i) => (i === c ? 1 : 0));
    const e = evaluateClassifier(
      actual,
      actual.map(() => row),
      classes,
    );
    if (!best || e.f1 > best.e.f1) best = { e, c };
  }
  const label = classes[best!.c] ?? String(best!.c);
  return score("majority_class", `majority class (always "${label}")`, best!.e, { label });
}

type Standardiser = { mean: Float64Array; scale: Float64Array };

/** Rows i·n/m for i < m: spread over the whole split whatever order it is in. */
function spreadRows(n: number, m: number): Int32Array {
  const out = new Int32Array(m);
  for (let i = 0; i < m; i++) out[i] = Math.floor((i * n) / m);
  return out;
}

function fitStandardiser(x: LabelledSplit["x"], rows: Int32Array): Standardiser {
  const d = x.cols;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += x.values[r * d + j]! / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) scale[j]! += (x.values[r * d + j]! - mean[j]!) ** 2 / rows.length;
  for (let j = 0; j < d; j++) scale[j] = scale[j]! > 1e-12 ? Math.sqrt(scale[j]!) : 1;
  return { mean, scale };
}

/** Softmax probabilities of one row into `out`; `w` is k rows of d weights then a bias. */
function probabilitiesOf(
  x: Float32Array,
  offset: number,
  s: Standardiser,
  w: Float64Array,
  k: number,
  out: Float64Array,
): void {
  const d = s.mean.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let z = w[c * (d + 1) + d]!;
    for (let j = 0; j < d; j++) z += w[c * (d + 1) + j]! * ((x[offset + j]! - s.mean[j]!) / s.scale[j]!);
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < k; c++) out[c]! /= sum;
}

/** One full-batch gradient of the mean cross-entropy (+ L2) over `rows`. */
function gradient(
  split: LabelledSplit,
  rows: Int32Array,
  s: Standardiser,
  w: Float64Array,
  k: number,
  grad: Float64Array,
): void {
  const d = split.x.cols;
  const p = new Float64Array(k);
  grad.fill(0);
  for (const r of rows) {
    probabilitiesOf(split.x.values, r * d, s, w, k, p);
    const y = split.y[r]!;
    for (let c = 0; c < k; c++) {
      const g = (p[c]! - (c === y ? 1 : 0)) / rows.length;
      const base = c * (d + 1);
      for (let j = 0; j < d; j++) grad[base + j]! += g * ((split.x.values[r * d + j]! - s.mean[j]!) / s.scale[j]!);
      grad[base + d]! += g;
    }
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) grad[c * (d + 1) + j]! += L2 * w[c * (d + 1) + j]!;
}

/**
 * Multinomial logistic regression fitted on the training split (standardised
 * features, zero initial weights, full-batch Adam): deterministic for the same
 * data. Scored on `evaluated`.
 */
export function logisticBaseline(train: LabelledSplit, evaluated: LabelledSplit, classes: readonly string[]): Baseline {
  const k = Math.max(classes.length, 2);
  const d = train.x.cols;
  const n = train.x.rows;
  const affordable = Math.floor(WORK_BUDGET / (2 * ITERATIONS * (d + 1) * k));
  const rows = spreadRows(n, Math.min(n, MAX_ROWS, Math.max(MIN_ROWS, affordable)));
  // Very wide data (thousands of one-hot columns × many classes) even at MIN_ROWS: fewer iterations, never fewer than 20.
  const iterations = Math.min(ITERATIONS, Math.max(20, Math.floor(WORK_BUDGET / (2 * rows.length * (d + 1) * k))));
  const s = fitStandardiser(train.x, rows);
  const w = new Float64Array(k * (d + 1));
  const grad = new Float64Array(w.length);
  const m1 = new Float64Array(w.length);
  const m2 = new Float64Array(w.length);
  for (let t = 1; t <= iterations; t++) {
    gradient(train, rows, s, w, k, grad);
    for (let i = 0; i < w.length; i++) {
      m1[i] = 0.9 * m1[i]! + 0.1 * grad[i]!;
      m2[i] = 0.999 * m2[i]! + 0.001 * grad[i]! ** 2;
      w[i]! -= (LEARNING_RATE * (m1[i]! / (1 - 0.9 ** t))) / (Math.sqrt(m2[i]! / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  const probabilities: number[][] = [];
  const p = new Float64Array(k);
  for (let r = 0; r < evaluated.x.rows; r++) {
    probabilitiesOf(evaluated.x.values, r * d, s, w, k, p);
    probabilities.push(Array.from(p));
  }
  const e = evaluateClassifier(Array.from(evaluated.y), probabilities, classes);
  const used = rows.length === n ? `${n} training rows` : `${rows.length} of ${n} training rows`;
  return score("logistic_regression", `logistic regression (${used})`, e, { rows: rows.length, ofRows: n, iterations });
}

/** Both baselines on the evaluation split, the majority class first. */
export function computeBaselines(
  train: LabelledSplit,
  evaluated: LabelledSplit,
  classes: readonly string[],
): Baseline[] {
  return [majorityBaseline(train.y, evaluated.y, classes), logisticBaseline(train, evaluated, classes)];
}
