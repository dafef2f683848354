/**
 * The training loop: epoch by epoch, seeded batch order, LR schedule, early
 * stopping, a checkpoint after every epoch, cancellation between batches.
 *
 * It runs wherever it is called (the training thread, the CLI, tests); it never
 * touches the database. Resuming from the checkpoint of epoch k continues
 * exactly as the uninterrupted run would have: weights, optimizer slots, the
 * PRNG, the schedule and early-stopping state all come back.
 */
import type { LayersModel, Optimizer, Scalar, Tensor, Variable } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend";
import {
  captureCheckpoint,
  restoreCheckpoint,
  type BestWeights,
  type Checkpoint,
  type EngineState,
} from "./checkpoint";
import {
  buildModel,
  correctCount,
  crossEntropy,
  outputHead,
  setDropoutSeeds,
  targetTensor,
  toProbabilities,
  type OutputHead,
} from "./model";
import { createPrng, shuffledIndices, type Prng } from "./prng";
import {
  advanceEarlyStop,
  advanceSchedule,
  initialEarlyStopState,
  initialScheduleState,
  learningRateFor,
} from "./epoch-rules";
import type { EpochMetrics, TrainingSpec } from "../schemas";
import type { LabelledSplit, Matrix, TrainingData } from "./training-data";
import { encodeModelWeights, restoreModelWeights } from "./weights";

export type { Checkpoint, EngineState };

export type TrainHooks = {
  /** Called after every epoch, before the next starts; `checkpoint()` captures the model as of this epoch. */
  onEpoch?: (metrics: EpochMetrics, checkpoint: () => Promise<Checkpoint>) => void | Promise<void>;
  /** Polled between batches; true stops the run, discarding the unfinished epoch. */
  shouldStop?: () => boolean;
};

export type TrainResult = {
  status: "completed" | "cancelled";
  model: LayersModel;
  head: OutputHead;
  history: EpochMetrics[];
  /** Epochs completed (fewer than spec.epochs after early stopping or cancellation). */
  epoch: number;
  stoppedEarly: boolean;
  /** The epoch whose weights the model holds when early stopping restored them. */
  bestEpoch: number | null;
};

export function createOptimizer(tf: Tf, spec: TrainingSpec): Optimizer {
  if (spec.optimizer === "adam") return tf.train.adam(spec.learningRate);
  if (spec.optimizer === "momentum") return tf.train.momentum(spec.learningRate, 0.9);
  return tf.train.sgd(spec.learningRate);
}

function disposeOptimizer(optimizer: Optimizer): void {
  optimizer.dispose();
  // TF.js 4.22's MomentumOptimizer.dispose skips SGD's cached −lr scalar; without this every momentum run leaks one tensor.
  if (optimizer.getClassName() === "Momentum") (optimizer as unknown as { c?: Tensor }).c?.dispose();
}

function setLearningRate(optimizer: Optimizer, rate: number): void {
  // SGD and momentum cache −lr as a tensor and must be told; Adam reads the field each step.
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (o.setLearningRate) o.setLearningRate(rate);
  else o.learningRate = rate;
}

function initialState(spec: TrainingSpec): EngineState {
  return {
    version: 1,
    epoch: 0,
    history: [],
    schedule: initialScheduleState(spec.learningRate),
    earlyStop: initialEarlyStopState(),
    prng: createPrng(spec.seed).state(),
    bestWeightsAt: null,
  };
}

const matrixTensor = (tf: Tf, m: Matrix) => tf.tensor2d(m.values, [m.rows, m.cols]);
type SplitTensors = { x: Tensor; y: Tensor; rows: number };
const splitTensors = (tf: Tf, split: LabelledSplit, head: OutputHead): SplitTensors => ({
  x: matrixTensor(tf, split.x),
  y: targetTensor(tf, split.y, head),
  rows: split.x.rows,
});

/** Trains (or continues) a model. Disposes its tensors except the returned model. */
export async function trainModel(
  tf: Tf,
  spec: TrainingSpec,
  data: TrainingData,
  hooks: TrainHooks = {},
  resumeFrom?: Checkpoint | null,
): Promise<TrainResult> {
  const head = outputHead(spec.model, data.classCount);
  const model = buildModel(tf, spec, data.inputSize, data.classCount);
  const optimizer = createOptimizer(tf, spec);
  let state = resumeFrom?.state ?? initialState(spec);
  let bestWeights: BestWeights | null = null;
  if (resumeFrom) bestWeights = await restoreCheckpoint(tf, model, optimizer, resumeFrom);

  const train = splitTensors(tf, data.train, head);
  const validation = data.validation.x.rows > 0 ? splitTensors(tf, data.validation, head) : null;
  const prng = createPrng(spec.seed, state.prng);
  const hasDropout = spec.model.dropout > 0;
  try {
    while (state.epoch < spec.epochs && !state.earlyStop.stopped) {
      const rate = learningRateFor(spec.lrSchedule, spec.learningRate, state.schedule, state.epoch);
      setLearningRate(optimizer, rate);
      const fit = await fitEpoch(tf, {
        model,
        optimizer,
        head,
        train,
        prng,
        batchSize: spec.batchSize,
        hasDropout,
        shouldStop: hooks.shouldStop,
      });
      if (!fit)
        return {
          status: "cancelled",
          model,
          head,
          history: state.history,
          epoch: state.epoch,
          stoppedEarly: false,
          bestEpoch: null,
        };

      const val = validation ? evaluateTensors(tf, model, head, validation) : null;
      const epoch = state.epoch + 1;
      const metrics: EpochMetrics = {
        epoch,
        loss: fit.loss,
        valLoss: val?.loss ?? null,
        accuracy: fit.accuracy,
        valAccuracy: val?.accuracy ?? null,
        learningRate: rate,
      };
      const monitored = metrics.valLoss ?? metrics.loss;
      const stop = advanceEarlyStop(spec.earlyStopping, state.earlyStop, epoch, monitored);
      if (stop.improved) bestWeights = await encodeModelWeights(tf, model);
      state = {
        ...state,
        epoch,
        history: [...state.history, metrics],
        schedule: advanceSchedule(spec.lrSchedule, state.schedule, rate, monitored),
        earlyStop: stop.state,
        prng: prng.state(),
      };
      const captured = state;
      const capturedBest = bestWeights;
      await hooks.onEpoch?.(metrics, () => captureCheckpoint(tf, model, optimizer, captured, capturedBest));
    }
  } finally {
    tf.dispose([train.x, train.y, ...(validation ? [validation.x, validation.y] : [])]);
    disposeOptimizer(optimizer);
  }
  const useBest = spec.earlyStopping !== "off" && bestWeights !== null && state.earlyStop.bestEpoch !== state.epoch;
  if (useBest) restoreModelWeights(tf, model, bestWeights!.specs, bestWeights!.bytes);
  return {
    status: "completed",
    model,
    head,
    history: state.history,
    epoch: state.epoch,
    stoppedEarly: state.earlyStop.stopped,
    bestEpoch: spec.earlyStopping !== "off" && bestWeights ? state.earlyStop.bestEpoch : null,
  };
}

type EpochContext = {
  model: LayersModel;
  optimizer: Optimizer;
  head: OutputHead;
  train: SplitTensors;
  prng: Prng;
  batchSize: number;
  hasDropout: boolean;
  shouldStop?: () => boolean;
};

/** One pass over the shuffled training rows; null when stopped. Loss and accuracy are averaged over rows as trained. */
async function fitEpoch(tf: Tf, c: EpochContext): Promise<{ loss: number; accuracy: number } | null> {
  const order = shuffledIndices(c.train.rows, c.prng);
  const variables = c.model.trainableWeights.map((w) => w.read() as Variable);
  let lossSum: Tensor = tf.scalar(0);
  let correct: Tensor = tf.scalar(0);
  let lastYield = performance.now();
  try {
    for (let start = 0; start < c.train.rows; start += c.batchSize) {
      if (c.shouldStop?.()) return null;
      const end = Math.min(start + c.batchSize, c.train.rows);
      if (c.hasDropout) setDropoutSeeds(c.model, c.prng.nextSeed);
      const [nextLoss, nextCorrect] = tf.tidy(() => {
        const idx = tf.tensor1d(order.subarray(start, end), "int32");
        const xb = tf.gather(c.train.x, idx);
        const yb = tf.gather(c.train.y, idx);
        let batchCorrect: Tensor | undefined;
        const cost = c.optimizer.minimize(
          () => {
            const pred = c.model.apply(xb, { training: true }) as Tensor;
            batchCorrect = tf.keep(correctCount(tf, yb, pred, c.head));
            return crossEntropy(tf, yb, pred, c.head) as Scalar;
          },
          true,
          variables,
        )!;
        const out = [tf.add(lossSum, tf.mul(cost, end - start)), tf.add(correct, batchCorrect!)];
        batchCorrect!.dispose();
        return out;
      });
      tf.dispose([lossSum, correct]);
      lossSum = nextLoss!;
      correct = nextCorrect!;
      // Let messages (cancel) and timers in between batches without slowing small batches down.
      if (performance.now() - lastYield > 25) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    const both = tf.stack([lossSum, correct]);
    const [loss, hits] = await both.data();
    both.dispose();
    return { loss: loss! / c.train.rows, accuracy: hits! / c.train.rows };
  } finally {
    tf.dispose([lossSum, correct]);
  }
}

const CHUNK_ROWS = 4096;

/** Class probabilities for every row of `x`, predicted in chunks (inference mode: no dropout). */
export function predictProbabilities(tf: Tf, model: LayersModel, head: OutputHead, x: Matrix): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < x.rows; start += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, x.rows - start);
    const values = tf.tidy(() => {
      const input = tf.tensor2d(x.values.subarray(start * x.cols, (start + rows) * x.cols), [rows, x.cols]);
      return (model.predict(input) as Tensor).dataSync() as Float32Array;
    });
    out.push(...toProbabilities(values, head, rows));
  }
  return out;
}

/** Loss and accuracy on a held-out split, in inference mode. */
export function evaluateSplit(
  tf: Tf,
  model: LayersModel,
  head: OutputHead,
  split: LabelledSplit,
): { loss: number; accuracy: number } {
  const tensors = splitTensors(tf, split, head);
  try {
    return evaluateTensors(tf, model, head, tensors);
  } finally {
    tf.dispose([tensors.x, tensors.y]);
  }
}

function evaluateTensors(
  tf: Tf,
  model: LayersModel,
  head: OutputHead,
  split: SplitTensors,
): { loss: number; accuracy: number } {
  const [loss, hits] = tf.tidy(() => {
    const pred = model.predict(split.x) as Tensor;
    return tf.stack([crossEntropy(tf, split.y, pred, head), correctCount(tf, split.y, pred, head)]).dataSync();
  });
  return { loss: loss!, accuracy: hits! / split.rows };
}
