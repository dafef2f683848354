/**
 * Trained models in the standard TF.js Layers format: `model.json` (topology +
 * weightsManifest pointing at `weights.bin`) and the weight bytes, which stock
 * `tf.loadLayersModel` reads. Plus loading a stored artifact back and
 * predicting raw instances through the preprocessing it was trained with.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { encodeInstance } from "../datasets/preprocess";
import type { Preprocessing } from "../datasets/prepared";
import type { Tf } from "../training/backend/backend";
import { argmax } from "../training/judge/metrics";
import { toProbabilities, type OutputHead } from "../training/engine/model";
import { toArrayBuffer, type SavedModel } from "../training/engine/weights";

/** What ModelArtifact stores: the model plus the preprocessing fitted on its training split. */
export type ModelArtifactParts = SavedModel & { preprocessing: Preprocessing };

export const WEIGHTS_FILE = "weights.bin";
export const MODEL_FILE = "model.json";

/** A TF.js `model.json` (io.ModelJSON) as we write it. */
export type LayersModelJson = {
  format: "layers-model";
  generatedBy: string;
  convertedBy: null;
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: SavedModel["weightSpecs"] }[];
  /** Rackmind's additions; TF.js carries userDefinedMetadata through untouched. */
  userDefinedMetadata: { rackmind: { preprocessing: Preprocessing; classes: string[] } };
};

/** The two files of the Layers format. `weightsPath` is how model.json refers to the bin (relative to model.json). */
export function toLayersModelFiles(
  artifact: ModelArtifactParts,
  options: { weightsPath?: string; generatedBy?: string } = {},
): { modelJson: LayersModelJson; weightsBin: Uint8Array } {
  return {
    modelJson: {
      format: "layers-model",
      generatedBy: options.generatedBy ?? "Rackmind (TensorFlow.js Layers)",
      convertedBy: null,
      modelTopology: artifact.modelTopology,
      weightsManifest: [{ paths: [options.weightsPath ?? WEIGHTS_FILE], weights: artifact.weightSpecs }],
      userDefinedMetadata: {
        rackmind: { preprocessing: artifact.preprocessing, classes: artifact.preprocessing.classes },
      },
    },
    weightsBin: artifact.weights,
  };
}

/** Writes model.json + weights.bin into `dir` (created if needed); returns their paths. */
export async function writeLayersModelFiles(
  dir: string,
  artifact: ModelArtifactParts,
): Promise<{ modelJsonPath: string; weightsPath: string }> {
  const { modelJson, weightsBin } = toLayersModelFiles(artifact);
  await mkdir(dir, { recursive: true });
  const modelJsonPath = path.join(dir, MODEL_FILE);
  const weightsPath = path.join(dir, WEIGHTS_FILE);
  await writeFile(weightsPath, weightsBin);
  await writeFile(modelJsonPath, JSON.stringify(modelJson));
  return { modelJsonPath, weightsPath };
}

export type LoadedModel = { model: LayersModel; head: OutputHead; preprocessing: Preprocessing };

/** A stored artifact as a ready model (loaded through tf.io.fromMemory, the same path loadLayersModel takes). */
export async function loadModelFromArtifact(tf: Tf, artifact: ModelArtifactParts): Promise<LoadedModel> {
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: artifact.modelTopology,
      weightSpecs: artifact.weightSpecs,
      weightData: toArrayBuffer(artifact.weights),
    }),
  );
  return { model, head: headOf(model, artifact.preprocessing.classes.length), preprocessing: artifact.preprocessing };
}

/** The output head of a loaded model, from its last layer. */
export function headOf(model: LayersModel, classCount: number): OutputHead {
  const last = model.layers.at(-1)!.getConfig() as { units: number; activation: string };
  if (last.units === 1) return { activation: "sigmoid", units: 1, kind: "binary" };
  return last.activation === "softmax"
    ? { activation: "softmax", units: classCount, kind: "categorical" }
    : { activation: "sigmoid", units: classCount, kind: "multi-sigmoid" };
}

export type RawInstance = Parameters<typeof encodeInstance>[1];
export type Prediction = { label: string; probabilities: Record<string, number> };

/**
 * Predicts raw instances (values in the dataset's column order, or objects by
 * column name) exactly as training saw its rows. Throws AppError 422 for an
 * instance that does not fit the preprocessing.
 */
export function predict(tf: Tf, loaded: LoadedModel, instances: readonly RawInstance[]): Prediction[] {
  if (instances.length === 0) return [];
  return predictEncoded(
    tf,
    loaded,
    instances.map((i) => encodeInstance(loaded.preprocessing, i)),
  );
}

/** Predicts rows already encoded with the model's preprocessing (the serving process encodes as it checks). */
export function predictEncoded(tf: Tf, loaded: LoadedModel, rows: number[][]): Prediction[] {
  const { preprocessing: pre, model } = loaded;
  const outputs = tf.tidy(
    () =>
      (
        model.predict(tf.tensor2d(rows, [rows.length, pre.encodedFeatureNames.length])) as Tensor
      ).dataSync() as Float32Array,
  );
  return toPredictions(loaded, outputs, rows.length);
}

/** Raw model outputs (row-major, `rows` of them) as labelled class probabilities. */
export function toPredictions(loaded: LoadedModel, outputs: Float32Array, rows: number): Prediction[] {
  const { preprocessing: pre, head } = loaded;
  return toProbabilities(outputs, head, rows).map((p) => ({
    label: pre.classes[argmax(p)]!,
    probabilities: Object.fromEntries(pre.classes.map((c, i) => [c, p[i]!])),
  }));
}
