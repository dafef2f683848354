/**
 * The plain-JS forward pass serving uses against TF.js, the reference: for
 * every hidden activation and output head the trainer can build, on real
 * dataset rows encoded by the real preprocessing, the two give the same
 * probabilities to 1e-5.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { prepareTrainingData } from "../../../lib/datasets/prepare";
import type { DatasetOptionsInput } from "../../../lib/datasets/schemas";
import { loadModelFromArtifact, predictEncoded, toPredictions } from "../../../lib/models/artifact";
import { denseForwardOf, forwardDense } from "../../../lib/models/dense-forward";
import { loadTrainingBackend } from "../../../lib/training/backend/backend";
import { trainModel } from "../../../lib/training/engine/train";
import { toTrainingData } from "../../../lib/training/engine/training-data";
import { saveModel } from "../../../lib/training/engine/weights";
import { TrainingSpec, type ModelSpec } from "../../../lib/training/schemas";

const shared = path.resolve(import.meta.dirname, "../../../../shared/datasets");
const { tf } = await loadTrainingBackend();

const DATASETS: Record<string, { file: string; options: DatasetOptionsInput }> = {
  banknote: { file: "banknote_authentication.csv", options: { header: false, target: 4 } },
  wheat: { file: "wheat-seeds.csv", options: { header: false, target: 7 } },
  pima: { file: "pima-indians-diabetes.csv", options: { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] } },
};

/** A version as serving loads it: trained a few epochs (so biases are not zero), saved, loaded back. */
async function trainedVersion(dataset: keyof typeof DATASETS, model: Partial<ModelSpec>) {
  const { file, options } = DATASETS[dataset]!;
  const { cleaned } = cleanDataset(await readFile(path.join(shared, file), "utf8"), options);
  const spec = TrainingSpec.parse({ model, epochs: 3, batchSize: 32, learningRate: 0.05, seed: 5 });
  const prepared = prepareTrainingData(cleaned, { seed: spec.seed, split: spec.split });
  const data = toTrainingData(prepared);
  const result = await trainModel(tf, spec, data);
  const saved = await saveModel(tf, result.model);
  result.model.dispose();
  const loaded = await loadModelFromArtifact(tf, { ...saved, preprocessing: prepared.preprocessing });
  const x = data.test.x;
  const rows = Array.from({ length: x.rows }, (_, r) => Array.from(x.values.subarray(r * x.cols, (r + 1) * x.cols)));
  return { loaded, rows };
}

const CASES: { name: string; dataset: keyof typeof DATASETS; model: Partial<ModelSpec>; head: string }[] = [
  ...(["relu", "tanh", "sigmoid", "elu"] as const).map((activation) => ({
    name: `${activation} hidden layers, one sigmoid unit (2 classes)`,
    dataset: "pima" as const,
    model: { hidden: [16, 8], activation },
    head: "binary",
  })),
  ...(["relu", "tanh", "sigmoid", "elu"] as const).map((activation) => ({
    name: `${activation} hidden layers, softmax (3 classes)`,
    dataset: "wheat" as const,
    model: { hidden: [12], activation },
    head: "categorical",
  })),
  {
    name: "softmax forced for 2 classes",
    dataset: "banknote",
    model: { hidden: [8], output: "softmax" },
    head: "categorical",
  },
  {
    name: "one sigmoid per class (3 classes)",
    dataset: "wheat",
    model: { hidden: [8], output: "sigmoid" },
    head: "multi-sigmoid",
  },
  {
    name: "dropout layers (identity at inference)",
    dataset: "banknote",
    model: { hidden: [16, 16], dropout: 0.3 },
    head: "binary",
  },
  { name: "logistic regression, no hidden layer, 2 classes", dataset: "pima", model: { hidden: [] }, head: "binary" },
  {
    name: "softmax regression, no hidden layer, 3 classes",
    dataset: "wheat",
    model: { hidden: [] },
    head: "categorical",
  },
];

describe("plain-JS dense forward pass", () => {
  it.each(CASES)("equals TF.js on real rows: $name", async ({ dataset, model, head }) => {
    const { loaded, rows } = await trainedVersion(dataset, model);
    expect(loaded.head.kind).toBe(head);
    const dense = denseForwardOf(loaded.model);
    expect(dense).not.toBeNull();
    const reference = predictEncoded(tf, loaded, rows);
    const js = toPredictions(loaded, forwardDense(dense!, rows), rows.length);
    loaded.model.dispose();
    expect(rows.length).toBeGreaterThan(30);
    expect(js.map((p) => p.label)).toEqual(reference.map((p) => p.label));
    let worst = 0;
    js.forEach((p, i) => {
      for (const [label, prob] of Object.entries(reference[i]!.probabilities))
        worst = Math.max(worst, Math.abs(p.probabilities[label]! - prob));
    });
    expect(worst).toBeLessThan(1e-5);
  });

  it("answers null for a layer it does not know, so TF.js serves that model", () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], activation: "relu" }),
        tf.layers.batchNormalization(),
        tf.layers.dense({ units: 1, activation: "sigmoid" }),
      ],
    });
    expect(denseForwardOf(model)).toBeNull();
    const selu = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: "selu" })] });
    expect(denseForwardOf(selu)).toBeNull();
    model.dispose();
    selu.dispose();
  });
});
