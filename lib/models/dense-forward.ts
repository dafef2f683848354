/**
 * A plain-JS forward pass for the MLPs the trainer builds: a chain of Dense
 * layers (relu, tanh, sigmoid, elu or linear hidden units; a sigmoid or
 * softmax output), with Dropout between them, which is the identity at
 * inference. Serving uses it because for a model this small TF.js's fixed
 * cost per call (tensors, kernel dispatch, the tidy scope, copying out of
 * WebAssembly memory) is many times the arithmetic: a 4-32-16-1 MLP is ~700
 * multiply-adds per row. TF.js stays the reference: any other topology gets
 * null here and is served by TF.js, and tests hold the two to 1e-5.
 */
import type { LayersModel } from "@tensorflow/tfjs";

type Activation = (z: Float64Array, from: number, to: number) => void;

const ACTIVATIONS: Record<string, Activation> = {
  linear: () => undefined,
  relu: (z, from, to) => {
    for (let i = from; i < to; i++) if (z[i]! < 0) z[i] = 0;
  },
  tanh: (z, from, to) => {
    for (let i = from; i < to; i++) z[i] = Math.tanh(z[i]!);
  },
  sigmoid: (z, from, to) => {
    for (let i = from; i < to; i++) z[i] = 1 / (1 + Math.exp(-z[i]!));
  },
  // TF.js's elu has alpha 1 (the Layers activation takes no alpha).
  elu: (z, from, to) => {
    for (let i = from; i < to; i++) if (z[i]! < 0) z[i] = Math.exp(z[i]!) - 1;
  },
  softmax: (z, from, to) => {
    let max = -Infinity;
    for (let i = from; i < to; i++) if (z[i]! > max) max = z[i]!;
    let sum = 0;
    for (let i = from; i < to; i++) sum += z[i] = Math.exp(z[i]! - max);
    for (let i = from; i < to; i++) z[i] = z[i]! / sum;
  },
};

/** One Dense layer: kernel row-major [inputs × units], as TF.js stores it. */
type DenseLayer = { inputs: number; units: number; kernel: Float32Array; bias: Float32Array; activate: Activation };

export type DenseForward = { inputSize: number; outputSize: number; layers: DenseLayer[] };

type DenseConfig = { units: number; activation: string; useBias: boolean };

/** The model's Dense layers with their weights copied out, or null if it is anything else. */
export function denseForwardOf(model: LayersModel): DenseForward | null {
  const layers: DenseLayer[] = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind === "Dropout") continue;
    if (kind !== "Dense") return null;
    const config = layer.getConfig() as unknown as DenseConfig;
    const activate = Object.hasOwn(ACTIVATIONS, config.activation) ? ACTIVATIONS[config.activation] : undefined;
    const [kernel, bias] = layer.getWeights();
    if (!activate || !kernel || kernel.shape.length !== 2 || (config.useBias && !bias)) return null;
    const [inputs, units] = kernel.shape as [number, number];
    layers.push({
      inputs,
      units,
      kernel: Float32Array.from(kernel.dataSync()),
      bias: config.useBias ? Float32Array.from(bias!.dataSync()) : new Float32Array(units),
      activate,
    });
  }
  if (layers.length === 0 || layers.some((l, i) => i > 0 && l.inputs !== layers[i - 1]!.units)) return null;
  return { inputSize: layers[0]!.inputs, outputSize: layers.at(-1)!.units, layers };
}

/**
 * The model's outputs for encoded rows, row-major [rows × outputSize] as
 * TF.js's predict(...).dataSync() gives them. The batch goes through a layer
 * at a time (one activation matrix per layer, no per-row allocation). Sums
 * run in float64 (TF.js sums in float32), so the two agree to ~1e-6 on
 * probabilities.
 */
export function forwardDense(f: DenseForward, rows: readonly (readonly number[])[]): Float32Array {
  const n = rows.length;
  let width = f.inputSize;
  let x = new Float64Array(n * width);
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    for (let i = 0; i < width; i++) x[r * width + i] = row[i] ?? 0;
  }
  for (const { units, kernel, bias, activate } of f.layers) {
    const y = new Float64Array(n * units);
    for (let r = 0; r < n; r++) {
      const xo = r * width;
      const yo = r * units;
      for (let j = 0; j < units; j++) y[yo + j] = bias[j]!;
      for (let i = 0; i < width; i++) {
        const v = x[xo + i]!;
        if (v === 0) continue; // relu zeros and one-hot columns: often half the row
        const k = i * units;
        for (let j = 0; j < units; j++) y[yo + j] = y[yo + j]! + v * kernel[k + j]!;
      }
      activate(y, yo, yo + units); // per row: softmax normalises within a row
    }
    x = y;
    width = units;
  }
  return Float32Array.from(x);
}
