/**
 * training: samples/s of the training loop (lib/training/engine/train.ts) on the
 * WebAssembly backend against the pure-JS cpu backend, same process, same
 * generated data (4,096 rows, 32 features, 4 classes), same 32-256-256-4 MLP
 * (relu, softmax, Adam, batch 64, no validation split).
 * ratio = wasm samples/s ÷ cpu samples/s, both from the median of 3 epochs
 * after a warm-up epoch. CPU time is reported too: wall time on a shared
 * machine also counts the time other processes held the CPU.
 *
 * tfjs-node is not measured when it is not installed (it is an optional
 * dependency that needs libtensorflow).
 */
import { loadTrainingBackend, switchBackend, type Tf } from "../lib/training/backend/backend";
import { createPrng } from "../lib/training/engine/prng";
import { TrainingSpec, type BackendName } from "../lib/training/schemas";
import { trainModel } from "../lib/training/engine/train";
import { toTrainingData, type TrainingData } from "../lib/training/engine/training-data";
import { percentile } from "./stats";

const ROWS = 4096;
const FEATURES = 32;
const CLASSES = 4;
const RUNS = 3;

function generatedData(): TrainingData {
  const r = createPrng(2026);
  const centres = Array.from({ length: CLASSES }, () => Array.from({ length: FEATURES }, () => r.next() * 2 - 1));
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    const c = i % CLASSES;
    x.push(centres[c]!.map((v) => v + (r.next() - 0.5) * 1.5));
    y.push(c);
  }
  const empty = { x: [], y: [] };
  const names = Array.from({ length: FEATURES }, (_, i) => `f${i}`);
  return toTrainingData({
    preprocessing: { classes: ["a", "b", "c", "d"], encodedFeatureNames: names },
    train: { x, y },
    validation: empty,
    test: empty,
  });
}

const spec = TrainingSpec.parse({
  model: { hidden: [256, 256], activation: "relu" },
  optimizer: "adam",
  learningRate: 0.001,
  epochs: 1,
  batchSize: 64,
  split: { train: 1, validation: 0, test: 0 },
  seed: 1,
});

async function measureBackend(tf: Tf, name: BackendName, data: TrainingData) {
  await switchBackend(tf, name);
  const epoch = async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await trainModel(tf, spec, data);
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    result.model.dispose();
    return { wall, cpu: (used.user + used.system) / 1000, loss: result.history[0]!.loss };
  };
  await epoch(); // warm-up: kernels compiled, memory grown
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await epoch());
  const wall = runs.map((r) => r.wall).sort((a, b) => a - b);
  const cpu = runs.map((r) => r.cpu).sort((a, b) => a - b);
  return {
    samplesPerSec: Math.round(ROWS / (percentile(wall, 50) / 1000)),
    cpuSamplesPerSec: Math.round(ROWS / (percentile(cpu, 50) / 1000)),
    epochMs: { p50: percentile(wall, 50), max: percentile(wall, 100), cpuP50: percentile(cpu, 50) },
    loss: Math.round(runs[0]!.loss * 1e4) / 1e4,
  };
}

export async function run() {
  const { tf, report } = await loadTrainingBackend("wasm");
  if (report.backend !== "wasm") throw new Error(`the wasm backend did not load: ${JSON.stringify(report.tried)}`);
  const data = generatedData();
  const wasm = await measureBackend(tf, "wasm", data);
  const cpu = await measureBackend(tf, "cpu", data);
  return {
    ratio: Math.round((wasm.samplesPerSec / cpu.samplesPerSec) * 100) / 100,
    cpuTimeRatio: Math.round((wasm.cpuSamplesPerSec / cpu.cpuSamplesPerSec) * 100) / 100,
    model: "32-256-256-4 relu/softmax, adam, batch 64",
    rows: ROWS,
    wasmSimd: report.simd ?? false,
    wasm,
    cpu,
  };
}
