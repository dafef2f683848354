/**
 * Checkpoints: everything a run needs to continue after an epoch exactly as if
 * it had never stopped — weights, optimizer slots, and the engine's own state
 * (history, schedule, early stopping with its best weights, the PRNG).
 */
import type { LayersModel, Optimizer, Variable } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend";
import type { EarlyStopState, ScheduleState } from "./epoch-rules";
import type { EpochMetrics } from "../schemas";
import {
  encodeOptimizerState,
  restoreModelWeights,
  restoreOptimizerState,
  saveModel,
  type WeightSpec,
} from "./weights";

/** Engine state besides weights; JSON, stored in TrainingCheckpoint.state. */
export type EngineState = {
  version: 1;
  /** Epochs completed. */
  epoch: number;
  history: EpochMetrics[];
  schedule: ScheduleState;
  earlyStop: EarlyStopState;
  /** The batch-order/dropout PRNG's state after `epoch`. */
  prng: number;
  /** Adam's running β powers (see restoreAdamPowers). */
  adamPowers?: [number, number];
  /** Early stopping's best weights, stored in `weights` from this byte offset on, with the same specs. */
  bestWeightsAt: number | null;
};

/** Everything needed to continue a run after `state.epoch` epochs. */
export type Checkpoint = {
  epoch: number;
  modelTopology: object;
  weightSpecs: WeightSpec[];
  /** Current weights, followed by the best weights when state.bestWeightsAt is set. */
  weights: Uint8Array;
  optimizerSpecs: WeightSpec[];
  optimizer: Uint8Array;
  state: EngineState;
};

export type BestWeights = { specs: WeightSpec[]; bytes: Uint8Array };

// Adam's bias correction keeps β1^t and β2^t as variables updated by repeated
// multiplication; its setWeights recomputes them with pow(), which differs in
// the last float32 bit. Saving and restoring them keeps a resumed run exact.
type AdamInternals = { accBeta1?: Variable; accBeta2?: Variable };
function readAdamPowers(optimizer: Optimizer): [number, number] | undefined {
  const o = optimizer as unknown as AdamInternals;
  if (!o.accBeta1 || !o.accBeta2) return undefined;
  return [o.accBeta1.dataSync()[0]!, o.accBeta2.dataSync()[0]!];
}
function restoreAdamPowers(tf: Tf, optimizer: Optimizer, powers: [number, number] | undefined): void {
  const o = optimizer as unknown as AdamInternals;
  if (!powers || !o.accBeta1 || !o.accBeta2) return;
  tf.tidy(() => {
    o.accBeta1!.assign(tf.scalar(powers[0]));
    o.accBeta2!.assign(tf.scalar(powers[1]));
  });
}

export async function captureCheckpoint(
  tf: Tf,
  model: LayersModel,
  optimizer: Optimizer,
  state: EngineState,
  best: BestWeights | null,
): Promise<Checkpoint> {
  const saved = await saveModel(tf, model);
  const opt = await encodeOptimizerState(tf, optimizer);
  let weights = saved.weights;
  let bestWeightsAt: number | null = null;
  if (best) {
    weights = new Uint8Array(saved.weights.byteLength + best.bytes.byteLength);
    weights.set(saved.weights, 0);
    weights.set(best.bytes, saved.weights.byteLength);
    bestWeightsAt = saved.weights.byteLength;
  }
  return {
    epoch: state.epoch,
    modelTopology: saved.modelTopology,
    weightSpecs: saved.weightSpecs,
    weights,
    optimizerSpecs: opt.specs,
    optimizer: opt.bytes,
    // Read at capture: the loop waits in onEpoch, so the powers belong to `state.epoch`.
    state: { ...state, bestWeightsAt, adamPowers: readAdamPowers(optimizer) },
  };
}

/** Puts a checkpoint's weights and optimizer slots into a fresh model; returns the best weights it carried. */
export async function restoreCheckpoint(
  tf: Tf,
  model: LayersModel,
  optimizer: Optimizer,
  cp: Checkpoint,
): Promise<BestWeights | null> {
  restoreModelWeights(tf, model, cp.weightSpecs, cp.weights);
  // Adam and momentum create their slots on the first step; an empty list means the run had none yet.
  if (cp.optimizerSpecs.length > 0) await restoreOptimizerState(tf, optimizer, cp.optimizerSpecs, cp.optimizer);
  restoreAdamPowers(tf, optimizer, cp.state.adamPowers);
  if (cp.state.bestWeightsAt === null) return null;
  return { specs: cp.weightSpecs, bytes: cp.weights.subarray(cp.state.bestWeightsAt) };
}
