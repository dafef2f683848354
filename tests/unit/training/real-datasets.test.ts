/**
 * The engine on the four public datasets in /work/shared/datasets: for each, an
 * MLP and a logistic-regression baseline (hidden: []) trained by the same code
 * on the same seeded split. Tests may read ../shared; the product never does.
 * (No database: it lives with the unit tests so it runs once, not per database.)
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { prepareTrainingData } from "../../../lib/datasets/prepare";
import type { PreparedData } from "../../../lib/datasets/prepared";
import type { DatasetOptionsInput } from "../../../lib/datasets/schemas";
import { loadTrainingBackend } from "../../../lib/training/backend/backend";
import { judgeTraining } from "../../../lib/training/judge/outcome";
import { TrainingSpec, type TrainingSpecInput } from "../../../lib/training/schemas";
import { predictProbabilities, trainModel } from "../../../lib/training/engine/train";
import { toTrainingData } from "../../../lib/training/engine/training-data";

const shared = path.resolve(import.meta.dirname, "../../../../shared/datasets");
const { tf } = await loadTrainingBackend();

const DATASETS: { name: string; file: string; options: DatasetOptionsInput }[] = [
  { name: "banknote", file: "banknote_authentication.csv", options: { header: false, target: 4 } },
  { name: "wheat seeds", file: "wheat-seeds.csv", options: { header: false, target: 7 } },
  // Zero means "not measured" in glucose, blood pressure, skin fold, insulin and BMI.
  {
    name: "pima",
    file: "pima-indians-diabetes.csv",
    options: { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] },
  },
  // "?" marks missing bare nuclei. This copy has no sample-id column (699 rows × 9
  // features + class, class last), so there is nothing to ignore; with the id gone,
  // cleaning removes 236 exact duplicate rows.
  { name: "breast cancer", file: "breast-cancer-wisconsin.csv", options: { header: false, target: 9 } },
];

const common: TrainingSpecInput = {
  optimizer: "adam",
  learningRate: 0.02,
  epochs: 100,
  batchSize: 32,
  earlyStopping: { patience: 15, minDelta: 0.001 },
};
const MLP = TrainingSpec.parse({ ...common, model: { hidden: [16, 8], activation: "relu" } });
const BASELINE = TrainingSpec.parse({ ...common, model: { hidden: [] } });
/** Each seed is a different stratified split and initialisation; the comparison is on the mean. */
const SEEDS = [1, 2, 3];

// The comparison is strict on the mean over the seeds: single test splits are
// small (31–202 rows, one row moves F1 by 0.01–0.04) and the MLP loses a single
// split now and then (breast cancer seed 1, by one row), but a seeded run on
// one backend is deterministic, so the mean is a fixed figure, not a flake.

async function train(spec: TrainingSpec, prepared: PreparedData) {
  const data = toTrainingData(prepared);
  const result = await trainModel(tf, spec, data);
  const probabilities = predictProbabilities(tf, result.model, result.head, data.test.x);
  result.model.dispose();
  return {
    epochs: result.epoch,
    ...judgeTraining(spec, data, prepared.preprocessing.classes, { history: result.history, probabilities }),
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 10_000) / 10_000;
const rows: Record<string, string | number>[] = [];

describe("real datasets: MLP against a logistic-regression baseline on the same split", () => {
  it.each(DATASETS)(
    "$name",
    async ({ name, file, options }) => {
      const { cleaned } = cleanDataset(await readFile(path.join(shared, file), "utf8"), options);
      // Binary: F1 of class 1 (the positive class); 3 classes: macro F1.
      const f1 = { mlp: [] as number[], baseline: [] as number[] };
      const acc = { mlp: [] as number[], baseline: [] as number[] };
      let test = 0;
      let average = "";
      for (const seed of SEEDS) {
        const prepared = prepareTrainingData(cleaned, { seed, split: MLP.split });
        const mlp = await train({ ...MLP, seed }, prepared);
        const baseline = await train({ ...BASELINE, seed }, prepared);
        expect(mlp.evaluation.split).toBe("test");
        expect(mlp.evaluation.samples).toBe(baseline.evaluation.samples);
        expect(mlp.convergence.converging, JSON.stringify(mlp.convergence)).toBe(true);
        f1.mlp.push(mlp.evaluation.f1);
        f1.baseline.push(baseline.evaluation.f1);
        acc.mlp.push(mlp.evaluation.accuracy);
        acc.baseline.push(baseline.evaluation.accuracy);
        test = mlp.evaluation.samples;
        average = mlp.evaluation.average;
      }
      rows.push({
        dataset: name,
        rows: cleaned.rows.length,
        "test rows": test,
        F1: average,
        "MLP F1": round(mean(f1.mlp)),
        "LR F1": round(mean(f1.baseline)),
        "MLP acc": round(mean(acc.mlp)),
        "LR acc": round(mean(acc.baseline)),
        "MLP F1 per seed": f1.mlp.map(round).join(" "),
        "LR F1 per seed": f1.baseline.map(round).join(" "),
        "strictly ≥": mean(f1.mlp) >= mean(f1.baseline) ? "yes" : "no",
      });
      expect(mean(f1.mlp)).toBeGreaterThanOrEqual(mean(f1.baseline));
    },
    180_000,
  );

  it("prints the figures (mean over the seeds)", () => {
    console.table(rows);
    expect(rows).toHaveLength(DATASETS.length);
  });
});
