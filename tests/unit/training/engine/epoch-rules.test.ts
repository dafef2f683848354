import { describe, expect, it } from "vitest";
import { chanceLoss, judgeConvergence } from "../../../../lib/training/judge/convergence";
import { createPrng, shuffledIndices } from "../../../../lib/training/engine/prng";
import {
  advanceEarlyStop,
  advanceSchedule,
  initialEarlyStopState,
  initialScheduleState,
  learningRateFor,
} from "../../../../lib/training/engine/epoch-rules";
import type { EpochMetrics } from "../../../../lib/training/schemas";

const epochs = (losses: number[]): EpochMetrics[] =>
  losses.map((loss, i) => ({ epoch: i + 1, loss, valLoss: loss, accuracy: 0.5, valAccuracy: 0.5, learningRate: 0.1 }));

describe("learning-rate schedules", () => {
  it("steps the rate down every `every` epochs", () => {
    const schedule = { type: "step", every: 2, factor: 0.5 } as const;
    const state = initialScheduleState(0.1);
    expect([0, 1, 2, 3, 4].map((e) => learningRateFor(schedule, 0.1, state, e))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });

  it("reduces on plateau after `patience` epochs without improvement, not below minLr", () => {
    const schedule = { type: "plateau", patience: 2, factor: 0.5, minLr: 0.03 } as const;
    let state = initialScheduleState(0.1);
    const rates: number[] = [];
    for (const loss of [1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]) {
      const rate = learningRateFor(schedule, 0.1, state, 0);
      rates.push(rate);
      state = advanceSchedule(schedule, state, rate, loss);
    }
    expect(rates).toEqual([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.03]);
  });
});

describe("early stopping", () => {
  it("stops after `patience` epochs not better than best − minDelta and remembers the best epoch", () => {
    const config = { patience: 2, minDelta: 0.01 };
    let state = initialEarlyStopState();
    const improved: boolean[] = [];
    [0.5, 0.4, 0.395, 0.41].forEach((loss, i) => {
      const next = advanceEarlyStop(config, state, i + 1, loss);
      improved.push(next.improved);
      state = next.state;
    });
    expect(improved).toEqual([true, true, false, false]);
    expect(state).toEqual({ best: 0.4, bestEpoch: 2, wait: 2, stopped: true });
  });

  it("does nothing when off", () => {
    expect(advanceEarlyStop("off", initialEarlyStopState(), 1, 0.1)).toEqual({
      state: initialEarlyStopState(),
      improved: false,
    });
  });
});

describe("convergence judge", () => {
  const chance = chanceLoss([0, 1, 1, 0], 2);

  it("knows the chance-level loss: ln 2 for balanced binary labels, ln 3 for three balanced classes", () => {
    expect(chance).toBeCloseTo(Math.LN2, 12);
    expect(chanceLoss([0, 1, 2], 3)).toBeCloseTo(Math.log(3), 12);
  });

  it("flags a loss stuck at chance level with its evidence and a suggestion", () => {
    const verdict = judgeConvergence(epochs([0.75, 0.7, 0.694, 0.6935, 0.6933, 0.6932]), { chanceLoss: chance });
    expect(verdict).toMatchObject({
      converging: false,
      reason: "loss flat",
      suggestion: "use Adam (lr 0.01–0.1) or more hidden units",
    });
    expect(verdict.evidence).toMatchObject({ first: 0.6935, last: 0.6932, window: 3 });
    expect(verdict.evidence!.relativeChange).toBeCloseTo((0.6935 - 0.6932) / 0.6935, 12);
  });

  it("accepts a falling loss and a loss settled well below chance", () => {
    expect(judgeConvergence(epochs([0.7, 0.5, 0.3, 0.2, 0.1, 0.05]), { chanceLoss: chance })).toMatchObject({
      converging: true,
      reason: "loss decreasing",
    });
    expect(judgeConvergence(epochs([0.7, 0.3, 0.2, 0.2, 0.2, 0.2]), { chanceLoss: chance })).toMatchObject({
      converging: true,
    });
  });

  it("flags a loss that is not finite", () => {
    expect(judgeConvergence(epochs([0.7, Number.NaN, 0.5, 0.4]), { chanceLoss: chance })).toMatchObject({
      converging: false,
      reason: "loss not finite",
    });
  });
});

describe("seeded PRNG", () => {
  it("continues exactly from a stored state", () => {
    const a = createPrng(42);
    a.next();
    const saved = a.state();
    const expected = [a.next(), a.next(), a.nextSeed()];
    const b = createPrng(0, saved);
    expect([b.next(), b.next(), b.nextSeed()]).toEqual(expected);
  });

  it("shuffles a permutation, the same one for the same seed", () => {
    const p = Array.from(shuffledIndices(50, createPrng(7)));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffledIndices(50, createPrng(7)))).toEqual(p);
    expect(Array.from(shuffledIndices(50, createPrng(8)))).not.toEqual(p);
  });
});
