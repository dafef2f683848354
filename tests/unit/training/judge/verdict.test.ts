import { describe, expect, it } from "vitest";
import type { Baseline } from "../../../../lib/training/judge/baselines";
import { chanceLoss, judgeConvergence } from "../../../../lib/training/judge/convergence";
import { Verdict, type EpochMetrics } from "../../../../lib/training/schemas";
import { expectStateSays } from "../../../support/states-catalogue";
import {
  baselineMargin,
  judgeOverfitting,
  judgeRun,
  judgeScoredModel,
  type RunVerdictInput,
  type ScoredModel,
} from "../../../../lib/training/judge/verdict";

const chance = chanceLoss([0, 1, 1, 0], 2);

/** History lines from training losses and (optionally) validation losses. */
function history(losses: number[], valLosses?: (number | null)[]): EpochMetrics[] {
  return losses.map((loss, i) => ({
    epoch: i + 1,
    loss,
    valLoss: valLosses?.[i] ?? null,
    accuracy: 0.5,
    valAccuracy: null,
    learningRate: 0.01,
  }));
}
/** n values falling geometrically from `from` by `factor` per epoch. */
const falling = (n: number, from: number, factor = 0.97) => Array.from({ length: n }, (_, i) => from * factor ** i);

const majority = (f1: number, accuracy = 0.65, label = "0"): Baseline => ({
  kind: "majority_class",
  description: `majority class (always "${label}")`,
  f1,
  accuracy,
  rocAuc: 0.5,
  label,
});
const logistic = (f1: number, accuracy = 0.75): Baseline => ({
  kind: "logistic_regression",
  description: "logistic regression (500 training rows)",
  f1,
  accuracy,
  rocAuc: 0.8,
  rows: 500,
  iterations: 150,
});
const model = (f1: number, over: Partial<ScoredModel> = {}): ScoredModel => ({
  f1,
  accuracy: 0.78,
  rocAuc: 0.84,
  average: "binary",
  samples: 400,
  classes: ["no", "yes"],
  ...over,
});

function judge(over: Partial<RunVerdictInput> & { history: EpochMetrics[] }) {
  const verdict = judgeRun({
    convergence: judgeConvergence(over.history, { chanceLoss: chance }),
    evaluation: model(0.7),
    evaluatedOn: "test",
    baselines: [majority(0), logistic(0.6)],
    bestEpoch: null,
    selectsOnValidation: false,
    ...over,
  });
  // Whatever the kind, it is what the API serves: it survives JSON and parses.
  expect(Verdict.parse(JSON.parse(JSON.stringify(verdict)))).toEqual(verdict);
  return sameWordsInCatalogue(verdict);
}

/** The summary and suggestion say the same from the catalogue (English word for word, Chinese with the values). */
function sameWordsInCatalogue(v: Verdict): Verdict {
  expect(v.summaryCode, v.summary).toBeDefined();
  if (v.summaryCode) expectStateSays(v.summaryCode, v.summary);
  if (v.suggestion !== null) expect(v.suggestionCode, v.suggestion).toBeTruthy();
  if (v.suggestionCode) expectStateSays(v.suggestionCode, v.suggestion!);
  return v;
}

describe("the verdict on a run", () => {
  it("calls a run that learnt nothing not_converged, before anything else, with the convergence judge's evidence and suggestion", () => {
    const flat = Array.from({ length: 40 }, (_, i) => 0.6932 - i * 0.00001);
    const v = judge({
      history: history(flat),
      evaluation: model(0.5, { accuracy: 0.5, samples: 4 }),
      evaluatedOn: "train",
      baselines: [majority(0.667, 0.5, "1"), logistic(0)],
    });
    expect(v).toMatchObject({
      kind: "not_converged",
      suggestion: "use Adam (lr 0.01–0.1) or more hidden units",
      evidence: { evaluatedOn: "train", heldOut: false, epochs: 40 },
    });
    expect(v.evidence.convergence).toMatchObject({ converging: false, reason: "loss flat", window: 20 });
    expect(v.summary).toMatch(/stayed flat near chance level/);
    expect(v.evidence.statements.join("\n")).toMatch(
      /Training loss stayed flat over the last 20 epochs, 0\.6930 → 0\.6928 \(−0\.03%\)/,
    );
    // The baseline comparison is still made and reported, though not_converged decided.
    expect(v.evidence.statements.at(-1)).toMatch(/no better than the majority class \(always "1"\)/);
  });

  it("says where a non-finite loss appeared", () => {
    const v = judge({ history: history([0.7, 0.6, Number.NaN, Number.NaN]) });
    expect(v.kind).toBe("not_converged");
    expect(v.evidence.statements[1]).toBe("Training loss became non-finite at epoch 3: the weights diverged.");
    expect(v.suggestion).toMatch(/lower the learning rate/);
  });

  it("calls validation loss rising for 5+ epochs to ≥ 10% above its minimum while training loss falls overfitting, with the numbers", () => {
    const val = [
      ...falling(10, 0.6, 0.95),
      ...Array.from({ length: 20 }, (_, i) => 0.6 * 0.95 ** 9 * (1 + 0.04 * (i + 1))),
    ];
    const v = judge({ history: history(falling(30, 0.6), val) });
    expect(v.kind).toBe("overfitting");
    expect(v.evidence.overfitting).toMatchObject({
      judged: true,
      isOverfit: true,
      minValLossEpoch: 10,
      epochsSinceMin: 20,
      keptEpoch: 30,
    });
    expect(v.evidence.overfitting!.recentRise).toBeGreaterThan(0.6);
    expect(v.evidence.overfitting!.trainLossAtKept).toBeLessThan(v.evidence.overfitting!.trainLossAtMin!);
    expect(v.summary).toMatch(/^Overfitting: validation loss rose \d+% above its minimum \(epoch 10\) over 20 epochs/);
    expect(v.suggestion).toMatch(/early stopping .* about epoch 10/);
  });

  it("does not call the kept model overfit when early stopping restored the weights from before the rise, and says so", () => {
    const val = [
      ...falling(10, 0.6, 0.95),
      ...Array.from({ length: 10 }, (_, i) => 0.6 * 0.95 ** 9 * (1 + 0.05 * (i + 1))),
    ];
    const v = judge({ history: history(falling(20, 0.6), val), bestEpoch: 10 });
    expect(v.kind).toBe("good");
    expect(v.evidence.overfitting).toMatchObject({
      judged: true,
      isOverfit: false,
      wholeRunIsOverfit: true,
      keptEpoch: 10,
    });
    expect(v.evidence.statements[2]).toMatch(
      /early stopping restored the weights of epoch 10 .*the kept model is from before the rise, not overfit/,
    );
  });

  it("does not call it overfitting when the rise is short, small, or training loss rose too", () => {
    const base = falling(20, 0.6, 0.95);
    const rise = (n: number, step: number) => [
      ...base,
      ...Array.from({ length: n }, (_, i) => base.at(-1)! * (1 + step * (i + 1))),
    ];
    expect(judgeOverfitting(history(falling(23, 0.6), rise(3, 0.2)), null)).toMatchObject({
      judged: true,
      isOverfit: false,
      epochsSinceMin: 3,
    });
    expect(judgeOverfitting(history(falling(30, 0.6), rise(10, 0.005)), null)).toMatchObject({
      judged: true,
      isOverfit: false,
    });
    const trainUp = [
      ...falling(20, 0.6),
      ...Array.from({ length: 10 }, (_, i) => 0.6 * 0.97 ** 19 * (1 + 0.1 * (i + 1))),
    ];
    expect(judgeOverfitting(history(trainUp, rise(10, 0.1)), null)).toMatchObject({ judged: true, isOverfit: false });
  });

  it("does not judge overfitting without a validation split, and the evidence says so", () => {
    const v = judge({ history: history(falling(30, 0.6)) });
    expect(v.evidence.overfitting).toEqual({
      judged: false,
      isOverfit: false,
      reason: "no validation split",
      keptEpoch: 30,
    });
    expect(v.evidence.statements[2]).toMatch(/^No validation split: overfitting cannot be judged/);
  });

  it("calls a model whose F1 is below the better baseline by more than the margin worse_than_baseline", () => {
    const v = judge({
      history: history(falling(30, 0.6)),
      evaluation: model(0.41),
      baselines: [majority(0), logistic(0.62)],
    });
    expect(v).toMatchObject({
      kind: "worse_than_baseline",
      evidence: { model: { f1: 0.41, rocAuc: 0.84 }, margin: baselineMargin(400) },
    });
    expect(v.evidence.baselines.map((b) => [b.kind, b.f1])).toEqual([
      ["majority_class", 0],
      ["logistic_regression", 0.62],
    ]);
    expect(v.summary).toBe(
      'Worse than a baseline: F1 of class "yes" 0.410 against 0.620 for the logistic regression (500 training rows), on the same rows.',
    );
    expect(v.suggestion).toMatch(/linear model does better/);
  });

  it("calls a model no better than always predicting the majority class worse_than_baseline, however close", () => {
    const v = judge({
      history: history(falling(30, 0.6)),
      evaluation: model(0, { accuracy: 0.65 }),
      baselines: [majority(0, 0.65), logistic(0)],
    });
    expect(v.kind).toBe("worse_than_baseline");
    expect(v.suggestion).toMatch(/no better than always predicting "0"/);
  });

  it("widens the margin on small splits, so one or two rows are not a real gap", () => {
    expect(baselineMargin(10_000)).toBe(0.02);
    expect(baselineMargin(115)).toBeCloseTo(0.0466, 3);
    const v = judge({
      history: history(falling(30, 0.6)),
      evaluation: model(0.64, { samples: 115 }),
      baselines: [majority(0), logistic(0.676)],
    });
    expect(v.kind).toBe("good");
    expect(v.summary).toMatch(/is within 0\.047 of the best baseline/);
  });

  it("calls a converged, not overfit model that beats the baselines good, held out on a test split", () => {
    const v = judge({ history: history(falling(30, 0.6), falling(30, 0.65, 0.98)) });
    expect(v).toMatchObject({
      kind: "good",
      suggestion: null,
      evidence: { evaluatedOn: "test", heldOut: true, overfitting: { judged: true, isOverfit: false } },
    });
    expect(v.summary).toBe(
      'Good: F1 of class "yes" 0.700 beats the best baseline, the logistic regression (500 training rows) at 0.600, with no overfitting.',
    );
    expect(v.evidence.statements[0]).toBe("Figures are on the held-out test split (400 rows).");
  });

  it("says when the figures are on the training data or on a validation split that early stopping chose by", () => {
    const onTrain = judge({ history: history(falling(30, 0.6)), evaluatedOn: "train" });
    expect(onTrain.evidence.heldOut).toBe(false);
    expect(onTrain.summary).toMatch(/on the training data, not held out/);
    expect(onTrain.suggestion).toMatch(/Give the split a test part/);
    const onValidation = judge({
      history: history(falling(30, 0.6), falling(30, 0.6)),
      evaluatedOn: "validation",
      selectsOnValidation: true,
    });
    expect(onValidation.evidence.heldOut).toBe(true);
    expect(onValidation.evidence.statements[0]).toMatch(
      /validation split \(400 rows\): held out from fitting, but early stopping .* somewhat optimistic/,
    );
  });
});

describe("the verdict on an evaluation job", () => {
  it("compares with the majority class of the scored rows and says when they include the training rows", () => {
    const v = sameWordsInCatalogue(
      judgeScoredModel({
        evaluation: model(0.7, { samples: 768 }),
        majority: majority(0),
        heldOut: false,
        dataset: "pima@1",
      }),
    );
    expect(v).toMatchObject({
      kind: "good",
      evidence: { evaluatedOn: "all", heldOut: false, epochs: null, convergence: null, overfitting: null },
    });
    expect(v.evidence.statements[0]).toMatch(
      /every row of pima@1 \(768 rows\), the dataset version the model was trained on: .*not held out/,
    );
    expect(v.suggestion).toMatch(/not trained on/);
    expect(
      judgeScoredModel({
        evaluation: model(0, { accuracy: 0.6 }),
        majority: majority(0, 0.65),
        heldOut: null,
        dataset: "other@2",
      }).kind,
    ).toBe("worse_than_baseline");
  });
});
