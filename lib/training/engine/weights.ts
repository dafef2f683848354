/**
 * Model and optimizer state as bytes + JSON specs, the form they take in
 * checkpoints, artifacts and messages between threads.
 */
import type { LayersModel, Optimizer, Tensor, io } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend";

export type WeightSpec = io.WeightsManifestEntry;

/** A model as TF.js's save handlers see it: topology JSON + weight specs + weight bytes. */
export type SavedModel = { modelTopology: object; weightSpecs: WeightSpec[]; weights: Uint8Array };

/**
 * A Uint8Array's own bytes as an ArrayBuffer. Node Buffers (what Prisma returns
 * for bytea) are often views into a larger pooled buffer, so `.buffer` alone
 * would hand TF.js someone else's bytes.
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Topology and weights through tf.io.withSaveHandler, without touching the file system. */
export async function saveModel(tf: Tf, model: LayersModel): Promise<SavedModel> {
  let saved: SavedModel | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data =
        artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      saved = {
        modelTopology: artifacts.modelTopology as object,
        weightSpecs: artifacts.weightSpecs ?? [],
        weights: new Uint8Array(data),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!saved) throw new Error("model.save did not call the save handler");
  return saved;
}

/** The model's weights alone, in model.weights order. */
export async function encodeModelWeights(
  tf: Tf,
  model: LayersModel,
): Promise<{ specs: WeightSpec[]; bytes: Uint8Array }> {
  const named = model.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
  const { data, specs } = await tf.io.encodeWeights(named);
  return { specs, bytes: new Uint8Array(data) };
}

/**
 * Sets a model's weights from bytes saved by saveModel/encodeModelWeights,
 * matching by weight name. Trailing bytes beyond the specs are ignored.
 */
export function restoreModelWeights(tf: Tf, model: LayersModel, specs: WeightSpec[], bytes: Uint8Array): void {
  const decoded = tf.io.decodeWeights(toArrayBuffer(bytes), specs);
  try {
    const values = model.weights.map((w) => {
      const t = decoded[w.originalName];
      if (!t) throw new Error(`checkpoint has no weight named ${w.originalName}`);
      return t;
    });
    model.setWeights(values);
  } finally {
    tf.dispose(Object.values(decoded));
  }
}

/**
 * Optimizer slots (iteration count, moments) in getWeights order. Names are
 * prefixed with their position: TF.js optimizers restore slots by position,
 * and variable names carry per-process suffixes.
 */
export async function encodeOptimizerState(
  tf: Tf,
  optimizer: Optimizer,
): Promise<{ specs: WeightSpec[]; bytes: Uint8Array }> {
  const slots = await optimizer.getWeights();
  const named: { name: string; tensor: Tensor }[] = slots.map((s, i) => ({ name: `${i}:${s.name}`, tensor: s.tensor }));
  const { data, specs } = await tf.io.encodeWeights(named);
  // getWeights returns the optimizer's live variables; only the iteration scalar (first) is a fresh tensor.
  slots[0]?.tensor.dispose();
  return { specs, bytes: new Uint8Array(data) };
}

export async function restoreOptimizerState(
  tf: Tf,
  optimizer: Optimizer,
  specs: WeightSpec[],
  bytes: Uint8Array,
): Promise<void> {
  const decoded = tf.io.decodeWeights(toArrayBuffer(bytes), specs);
  const slots = specs.map((s) => ({ name: s.name.slice(s.name.indexOf(":") + 1), tensor: decoded[s.name]! }));
  // setWeights copies the tensors into new variables; the decoded ones can go.
  await optimizer.setWeights(slots);
  tf.dispose(Object.values(decoded));
}
