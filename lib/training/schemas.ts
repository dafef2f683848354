import { z } from "zod";
import { CodedTextSchema } from "../i18n/coded-text";

/**
 * What a training run is asked to do. Parsed once where it comes in (API body,
 * job payload, CLI flags); lib/training trusts the parsed value. Unknown keys
 * are rejected so a typo such as `learning_rate` is a 422, not a silent default.
 */
export const ModelSpec = z.strictObject({
  /** Units of each hidden layer; [] is logistic (softmax) regression. */
  hidden: z.array(z.number().int().min(1).max(4096)).max(16).default([16]),
  activation: z.enum(["relu", "tanh", "sigmoid", "elu"]).default("relu"),
  /** Dropout rate after each hidden layer; 0 adds no dropout layers. */
  dropout: z.number().min(0).max(0.9).default(0),
  /**
   * "auto": one sigmoid unit + binary cross-entropy for 2 classes, softmax +
   * categorical cross-entropy for more. "softmax" forces softmax for 2 classes;
   * "sigmoid" with more than 2 classes gives one independent sigmoid per class.
   */
  output: z.enum(["auto", "sigmoid", "softmax"]).default("auto"),
});
export type ModelSpec = z.infer<typeof ModelSpec>;

export const LrSchedule = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  /** lr = learningRate × factor^floor(epochIndex / every). */
  z.strictObject({ type: z.literal("step"), every: z.number().int().min(1), factor: z.number().gt(0).max(1) }),
  /** Multiply lr by factor after `patience` epochs without a val-loss improvement, not below minLr. */
  z.strictObject({
    type: z.literal("plateau"),
    patience: z.number().int().min(1),
    factor: z.number().gt(0).lt(1),
    minLr: z.number().min(0).default(0),
  }),
]);
export type LrSchedule = z.infer<typeof LrSchedule>;

export const EarlyStopping = z.union([
  z.literal("off"),
  /** Stop after `patience` epochs whose val loss is not below best − minDelta; the best weights are kept. */
  z.strictObject({ patience: z.number().int().min(1), minDelta: z.number().min(0).default(0) }),
]);
export type EarlyStopping = z.infer<typeof EarlyStopping>;

export const SplitSpec = z
  .strictObject({
    train: z.number().gt(0).max(1),
    validation: z.number().min(0).max(1),
    test: z.number().min(0).max(1),
  })
  .refine((s) => Math.abs(s.train + s.validation + s.test - 1) < 1e-6, { message: "split fractions must add up to 1" });
export type SplitSpec = z.infer<typeof SplitSpec>;

export const TrainingSpec = z
  .strictObject({
    model: ModelSpec.default({ hidden: [16], activation: "relu", dropout: 0, output: "auto" }),
    /** "momentum" is SGD with momentum 0.9. */
    optimizer: z.enum(["sgd", "momentum", "adam"]).default("adam"),
    learningRate: z.number().gt(0).max(10).default(0.01),
    lrSchedule: LrSchedule.default({ type: "none" }),
    epochs: z.number().int().min(1).max(10_000).default(50),
    batchSize: z.number().int().min(1).max(65_536).default(32),
    earlyStopping: EarlyStopping.default("off"),
    /** Seeds the split, the initial weights, the batch order and dropout. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    split: SplitSpec.default({ train: 0.7, validation: 0.15, test: 0.15 }),
  })
  .meta({ id: "TrainingSpec" });
export type TrainingSpec = z.infer<typeof TrainingSpec>;
/** What callers may send: every field has a default. */
export type TrainingSpecInput = z.input<typeof TrainingSpec>;

/** One line of a run's history; valLoss/valAccuracy are null when there is no validation split. */
export type EpochMetrics = {
  epoch: number;
  loss: number;
  valLoss: number | null;
  accuracy: number;
  valAccuracy: number | null;
  learningRate: number;
};

/** The convergence judge's verdict (lib/training/judge/convergence.ts). */
export type Convergence = {
  converging: boolean;
  reason: string;
  evidence?: { first: number; last: number; relativeChange: number; window: number; chanceLoss?: number };
  suggestion?: string;
};

export const BackendName = z.enum(["tensorflow", "wasm", "cpu"]);
export type BackendName = z.infer<typeof BackendName>;

/**
 * Whether a finished run's model is any good (lib/training/judge/verdict.ts), stored
 * on TrainingRun.verdict and served by GET /api/v1/jobs/{id}. Numbers are
 * nullable because a non-finite value is stored as JSON null.
 */
export const VerdictKind = z
  .enum(["good", "not_converged", "overfitting", "worse_than_baseline"])
  .meta({ id: "VerdictKind" });
export type VerdictKind = z.infer<typeof VerdictKind>;

/** "all": every row of a dataset version (evaluation jobs). */
export const EvaluatedOn = z.enum(["test", "validation", "train", "all"]).meta({ id: "EvaluatedOn" });
export type EvaluatedOn = z.infer<typeof EvaluatedOn>;

const finite = z.number().nullable();

export const BaselineScore = z
  .object({
    kind: z.enum(["majority_class", "logistic_regression"]),
    description: z.string(),
    f1: z.number(),
    accuracy: z.number(),
    rocAuc: finite,
    label: z.string().optional().meta({ description: "majority_class: the class always predicted" }),
    rows: z.number().int().optional().meta({ description: "logistic_regression: training rows it was fitted on" }),
    ofRows: z.number().int().optional().meta({ description: "logistic_regression: the training split's rows" }),
    iterations: z.number().int().optional(),
  })
  .meta({ id: "BaselineScore" });
export type BaselineScore = z.infer<typeof BaselineScore>;

export const OverfittingEvidence = z
  .object({
    judged: z.boolean().meta({ description: "false without a validation split, or with too few epochs" }),
    isOverfit: z
      .boolean()
      .meta({ description: "of the weights kept (early stopping may have restored an earlier epoch)" }),
    reason: z.string(),
    keptEpoch: z.number().int().nullable(),
    minValLoss: finite.optional(),
    minValLossEpoch: z.number().int().optional(),
    valLossAtKept: finite.optional(),
    /** Mean validation loss of the last N epochs up to the kept one, relative to the minimum (0.1 = 10% above). */
    recentRise: finite.optional(),
    epochsSinceMin: z.number().int().optional(),
    trainLossAtMin: finite.optional(),
    trainLossAtKept: finite.optional(),
    /** When early stopping kept an earlier epoch: whether the whole run (to its last epoch) overfit. */
    wholeRunIsOverfit: z.boolean().optional(),
  })
  .meta({ id: "OverfittingEvidence" });
export type OverfittingEvidence = z.infer<typeof OverfittingEvidence>;

export const VerdictEvidence = z
  .object({
    statements: z.array(z.string()).meta({ description: "each check in words, in the order judged" }),
    evaluatedOn: EvaluatedOn,
    heldOut: z
      .boolean()
      .nullable()
      .meta({ description: "whether the figures are on rows the model never trained on; null when unknown" }),
    samples: z.number().int(),
    epochs: z.number().int().nullable().meta({ description: "epochs trained; null for evaluation jobs" }),
    model: z.object({ f1: z.number(), accuracy: z.number(), rocAuc: finite, average: z.enum(["binary", "macro"]) }),
    baselines: z.array(BaselineScore),
    /** The model is worse than a baseline when its F1 is below the best baseline's by more than this. */
    margin: z.number(),
    convergence: z
      .object({
        converging: z.boolean(),
        reason: z.string(),
        first: finite.optional(),
        last: finite.optional(),
        relativeChange: finite.optional(),
        window: z.number().int().optional(),
        chanceLoss: finite.optional(),
      })
      .nullable(),
    overfitting: OverfittingEvidence.nullable(),
  })
  .meta({ id: "VerdictEvidence" });
export type VerdictEvidence = z.infer<typeof VerdictEvidence>;

export const Verdict = z
  .object({
    kind: VerdictKind,
    summary: z.string().meta({ description: "one sentence for a person" }),
    evidence: VerdictEvidence,
    suggestion: z.string().nullable(),
    summaryCode: CodedTextSchema.optional().meta({
      description:
        "summary as a catalogue key (states.<code>) and values, for the reader's language; absent on verdicts from before codes",
    }),
    suggestionCode: CodedTextSchema.nullable().optional().meta({ description: "suggestion, likewise" }),
  })
  .meta({ id: "Verdict" });
export type Verdict = z.infer<typeof Verdict>;
