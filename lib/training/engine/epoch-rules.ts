import type { EarlyStopping, LrSchedule } from "../schemas";

/**
 * Learning-rate schedule and early stopping as small state machines over plain
 * JSON state, so both go into a checkpoint and a resumed run continues them.
 * Both watch the validation loss (the training loss when there is no
 * validation split).
 */

export type ScheduleState = { learningRate: number; best: number | null; wait: number };
export type EarlyStopState = { best: number | null; bestEpoch: number; wait: number; stopped: boolean };

/** Keras' ReduceLROnPlateau default: smaller improvements do not reset the wait. */
const PLATEAU_MIN_DELTA = 1e-4;

export function initialScheduleState(learningRate: number): ScheduleState {
  return { learningRate, best: null, wait: 0 };
}

/** The rate for epoch `epochIndex` (0-based), before it is trained. */
export function learningRateFor(
  schedule: LrSchedule,
  baseRate: number,
  state: ScheduleState,
  epochIndex: number,
): number {
  if (schedule.type === "step") return baseRate * schedule.factor ** Math.floor(epochIndex / schedule.every);
  return state.learningRate;
}

/** Updates the plateau state after an epoch; other schedules only record the rate used. */
export function advanceSchedule(
  schedule: LrSchedule,
  state: ScheduleState,
  usedRate: number,
  monitored: number,
): ScheduleState {
  if (schedule.type !== "plateau") return { ...state, learningRate: usedRate };
  if (state.best === null || monitored < state.best - PLATEAU_MIN_DELTA)
    return { learningRate: usedRate, best: monitored, wait: 0 };
  const wait = state.wait + 1;
  if (wait < schedule.patience) return { learningRate: usedRate, best: state.best, wait };
  return { learningRate: Math.max(usedRate * schedule.factor, schedule.minLr), best: state.best, wait: 0 };
}

export function initialEarlyStopState(): EarlyStopState {
  return { best: null, bestEpoch: 0, wait: 0, stopped: false };
}

/** `improved` tells the loop to remember this epoch's weights as the best. */
export function advanceEarlyStop(
  config: EarlyStopping,
  state: EarlyStopState,
  epoch: number,
  monitored: number,
): { state: EarlyStopState; improved: boolean } {
  if (config === "off") return { state, improved: false };
  if (state.best === null || monitored < state.best - config.minDelta) {
    return { state: { best: monitored, bestEpoch: epoch, wait: 0, stopped: false }, improved: true };
  }
  const wait = state.wait + 1;
  return { state: { ...state, wait, stopped: wait >= config.patience }, improved: false };
}
