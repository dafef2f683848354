import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { io } from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { prepareTrainingData } from "../../../lib/datasets/prepare";
import {
  loadModelFromArtifact,
  predict,
  toLayersModelFiles,
  writeLayersModelFiles,
} from "../../../lib/models/artifact";
import { loadTrainingBackend } from "../../../lib/training/backend/backend";
import { createPrng } from "../../../lib/training/engine/prng";
import { TrainingSpec } from "../../../lib/training/schemas";
import { predictProbabilities, trainModel } from "../../../lib/training/engine/train";
import { toTrainingData } from "../../../lib/training/engine/training-data";
import { saveModel, toArrayBuffer } from "../../../lib/training/engine/weights";

const { tf } = await loadTrainingBackend();
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A small CSV with a numeric, a zero-means-missing and a categorical column, 3 classes. */
function csv(): string {
  const r = createPrng(3);
  const lines = ["size,weight,colour,kind"];
  for (let i = 0; i < 90; i++) {
    const kind = ["apple", "pear", "plum"][i % 3]!;
    const size = (i % 3) * 2 + r.next();
    const weight = i % 10 === 0 ? 0 : 100 + (i % 3) * 30 + r.next() * 10;
    lines.push(
      `${size.toFixed(3)},${weight.toFixed(1)},${["red", "green", "blue"][(i + (r.next() < 0.2 ? 1 : 0)) % 3]},${kind}`,
    );
  }
  return lines.join("\n");
}

let trained: ReturnType<typeof trainFruit> | undefined;
/** Trained once per file: every test reads the same deterministic model. */
const trainedFruit = () => (trained ??= trainFruit());

async function trainFruit() {
  const { cleaned } = cleanDataset(csv(), { target: "kind", zeroMissing: ["weight"] });
  const spec = TrainingSpec.parse({ model: { hidden: [6] }, learningRate: 0.05, epochs: 15, batchSize: 16, seed: 2 });
  const prepared = prepareTrainingData(cleaned, { seed: spec.seed, split: spec.split });
  const data = toTrainingData(prepared);
  const result = await trainModel(tf, spec, data);
  const saved = await saveModel(tf, result.model);
  return { prepared, data, result, artifact: { ...saved, preprocessing: prepared.preprocessing } };
}

/** Reads model.json and the weight files it names, the way tf.io's own file handlers do. */
function filesHandler(modelJsonPath: string): io.IOHandler {
  return {
    load: async () => {
      const modelJson = JSON.parse(await readFile(modelJsonPath, "utf8")) as io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const buffers = await Promise.all(
          manifest.flatMap((g) => g.paths).map((p) => readFile(path.join(path.dirname(modelJsonPath), p))),
        );
        return [manifest.flatMap((g) => g.weights), toArrayBuffer(Buffer.concat(buffers))];
      });
    },
  };
}

describe("model artifacts", () => {
  it("writes model.json + weights.bin that stock tf.loadLayersModel reads back with identical predictions", async () => {
    const { data, result, artifact } = await trainedFruit();
    const dir = await mkdtemp(path.join(tmpdir(), "rackmind-artifact-"));
    dirs.push(dir);
    const { modelJsonPath } = await writeLayersModelFiles(dir, artifact);

    const json = JSON.parse(await readFile(modelJsonPath, "utf8"));
    expect(json).toMatchObject({ format: "layers-model", weightsManifest: [{ paths: ["weights.bin"] }] });
    expect(json.modelTopology.class_name).toBe("Sequential");
    expect(json.userDefinedMetadata.rackmind.classes).toEqual(["apple", "pear", "plum"]);

    const loaded = await tf.loadLayersModel(filesHandler(modelJsonPath));
    const expected = predictProbabilities(tf, result.model, result.head, data.test.x);
    const actual = predictProbabilities(tf, loaded, result.head, data.test.x);
    expect(actual).toEqual(expected);
  });

  it("keeps the files' bytes: weights.bin is the artifact's weights and model.json names every weight", async () => {
    const { artifact } = await trainedFruit();
    const { modelJson, weightsBin } = toLayersModelFiles(artifact);
    expect(weightsBin).toBe(artifact.weights);
    expect(modelJson.weightsManifest[0]!.weights.map((w) => w.name)).toEqual([
      "hidden_1/kernel",
      "hidden_1/bias",
      "output/kernel",
      "output/bias",
    ]);
  });

  it("loads a stored artifact and predicts raw instances through its preprocessing", async () => {
    const { prepared, data, result, artifact } = await trainedFruit();
    // As it comes back from the database: a Node Buffer that is a view into a larger buffer.
    const pooled = Buffer.concat([Buffer.alloc(13), Buffer.from(artifact.weights)]).subarray(13);
    const loaded = await loadModelFromArtifact(tf, { ...artifact, weights: pooled });

    const predictions = predict(tf, loaded, [
      [1.2, 0, "red"], // weight 0 means missing: imputed
      { size: 4.5, weight: 160, colour: "blue" },
      [2.5, null, "purple"], // unseen colour encodes as all zeros
    ]);
    expect(predictions).toHaveLength(3);
    for (const p of predictions) {
      expect(prepared.preprocessing.classes).toContain(p.label);
      expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    // The same numbers as the in-memory model on the encoded test rows.
    const again = predictProbabilities(tf, loaded.model, loaded.head, data.test.x);
    expect(again).toEqual(predictProbabilities(tf, result.model, result.head, data.test.x));
    expect(() => predict(tf, loaded, [[1, 2]])).toThrow(/Expected 3 values/);
  });
});
