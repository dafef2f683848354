/**
 * The MLP a TrainingSpec describes, its loss and how its outputs become class
 * probabilities. Everything is seeded so the same spec, data and backend give
 * the same model bit for bit.
 */
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend";
import { createPrng } from "./prng";
import type { ModelSpec, TrainingSpec } from "../schemas";

export type OutputHead = {
  activation: "sigmoid" | "softmax";
  units: number;
  /** "binary": one sigmoid unit; "categorical": softmax; "multi-sigmoid": one sigmoid per class. */
  kind: "binary" | "categorical" | "multi-sigmoid";
};

export function outputHead(model: ModelSpec, classCount: number): OutputHead {
  if (classCount < 2) throw new Error(`a classifier needs at least 2 classes, the data has ${classCount}`);
  const activation = model.output === "auto" ? (classCount === 2 ? "sigmoid" : "softmax") : model.output;
  if (activation === "softmax") return { activation, units: classCount, kind: "categorical" };
  return classCount === 2
    ? { activation, units: 1, kind: "binary" }
    : { activation, units: classCount, kind: "multi-sigmoid" };
}

/** Layer names are fixed so checkpoints and artifacts name the same weights in every process. */
export function buildModel(tf: Tf, spec: TrainingSpec, inputSize: number, classCount: number): LayersModel {
  const head = outputHead(spec.model, classCount);
  // Initialiser seeds come from their own stream, not the batch-order PRNG,
  // so changing `epochs` or `batchSize` never changes the initial weights.
  const seeds = createPrng(spec.seed ^ 0x5eed);
  const model = tf.sequential({ name: "mlp" });
  spec.model.hidden.forEach((units, i) => {
    const relu = spec.model.activation === "relu" || spec.model.activation === "elu";
    const kernelInitializer = relu
      ? tf.initializers.heUniform({ seed: seeds.nextSeed() })
      : tf.initializers.glorotUniform({ seed: seeds.nextSeed() });
    model.add(
      tf.layers.dense({
        name: `hidden_${i + 1}`,
        units,
        activation: spec.model.activation,
        kernelInitializer,
        biasInitializer: "zeros",
        ...(i === 0 ? { inputShape: [inputSize] } : {}),
      }),
    );
    // The seed is replaced before every batch (see setDropoutSeeds): a fixed seed would drop the same units every time.
    if (spec.model.dropout > 0)
      model.add(tf.layers.dropout({ name: `dropout_${i + 1}`, rate: spec.model.dropout, seed: 0 }));
  });
  model.add(
    tf.layers.dense({
      name: "output",
      units: head.units,
      activation: head.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.nextSeed() }),
      biasInitializer: "zeros",
      ...(spec.model.hidden.length === 0 ? { inputShape: [inputSize] } : {}),
    }),
  );
  return model;
}

/**
 * TF.js's Dropout draws its mask from `seed` on every call, so a fixed seed
 * repeats one mask; the loop sets a fresh seed from its PRNG before each batch,
 * which keeps dropout random across batches and reproducible across runs.
 */
export function setDropoutSeeds(model: LayersModel, nextSeed: () => number): void {
  for (const layer of model.layers) {
    if (layer.getClassName() === "Dropout") (layer as unknown as { seed: number }).seed = nextSeed();
  }
}

/** Targets as the head expects them: a column of 0/1, or one-hot rows. */
export function targetTensor(tf: Tf, y: ArrayLike<number>, head: OutputHead): Tensor {
  return tf.tidy(() => {
    const labels = tf.tensor1d(Array.from(y), "int32");
    return head.kind === "binary"
      ? tf.cast(labels, "float32").reshape([-1, 1])
      : tf.cast(tf.oneHot(labels, head.units), "float32");
  });
}

/** Keras' epsilon: probabilities are clipped to [ε, 1−ε] before the log. */
const EPSILON = 1e-7;

/** Mean cross-entropy of predictions (probabilities, not logits). */
export function crossEntropy(tf: Tf, yTrue: Tensor, yPred: Tensor, head: OutputHead): Tensor {
  return tf.tidy(() => {
    const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
    if (head.kind === "categorical") return tf.neg(tf.mean(tf.sum(tf.mul(yTrue, tf.log(p)), -1)));
    const perUnit = tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(perUnit));
  });
}

/** How many rows are classified correctly (a scalar tensor). */
export function correctCount(tf: Tf, yTrue: Tensor, yPred: Tensor, head: OutputHead): Tensor {
  return tf.tidy(() => {
    if (head.kind === "binary")
      return tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(yPred, 0.5), "float32"), yTrue), "float32"));
    return tf.sum(tf.cast(tf.equal(tf.argMax(yPred, -1), tf.argMax(yTrue, -1)), "float32"));
  });
}

/** Model outputs as per-class probability rows ([P(0), P(1)] for the binary head). */
export function toProbabilities(outputs: Float32Array | number[], head: OutputHead, rows: number): number[][] {
  const out: number[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    if (head.kind === "binary") {
      const p = outputs[r]!;
      out[r] = [1 - p, p];
    } else {
      const row = Array.from(outputs.slice(r * head.units, (r + 1) * head.units));
      // Independent sigmoids do not sum to 1; normalise so the rows read as probabilities.
      const sum = head.kind === "multi-sigmoid" ? row.reduce((a, b) => a + b, 0) || 1 : 1;
      out[r] = row.map((v) => v / sum);
    }
  }
  return out;
}
