/**
 * The messages between executeTrainingRun (main thread) and the training
 * thread. Plain structured-clonable data: the thread never sees Prisma.
 */
import type { BackendReport } from "../backend/backend";
import type { BackendName, EpochMetrics, TrainingSpec } from "../schemas";
import type { Checkpoint } from "../engine/train";
import type { TrainingData } from "../engine/training-data";
import type { SavedModel } from "../engine/weights";

/** Int32 slots of the shared control buffer. */
export const CONTROL = {
  /** Main sets 1 to stop; the thread checks it between batches. */
  cancel: 0,
  /** Main sets 1 when it can store a checkpoint; the thread sends one after the next epoch and clears it. */
  wantCheckpoint: 1,
} as const;
export const CONTROL_BYTES = 8;

export type ThreadInput = {
  spec: TrainingSpec;
  data: TrainingData;
  resumeFrom: Checkpoint | null;
  /** TFJS_BACKEND, read by the main thread (the thread does not parse env). */
  preferredBackend?: BackendName;
  control: SharedArrayBuffer;
};

/** workerData of a training thread: what it loads before its first run. */
export type ThreadStart = { preferredBackend?: BackendName };

/** One run for a (warm) training thread. */
export type ThreadRequest = { type: "run"; input: ThreadInput };

export type ThreadResult =
  | {
      status: "completed";
      history: EpochMetrics[];
      epoch: number;
      stoppedEarly: boolean;
      bestEpoch: number | null;
      model: SavedModel;
      /** Per-class probabilities for every row of the evaluation split (evaluationSplit(data)), in order. */
      probabilities: number[][];
    }
  | { status: "cancelled"; epoch: number };

export type ThreadMessage =
  | { type: "backend"; report: BackendReport }
  | { type: "epoch"; metrics: EpochMetrics }
  | { type: "checkpoint"; checkpoint: Checkpoint }
  | { type: "done"; result: ThreadResult }
  | { type: "error"; message: string; stack?: string };
