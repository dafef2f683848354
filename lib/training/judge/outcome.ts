/**
 * What a finished run is judged by: metrics on its evaluation split, the
 * convergence judgement, and the verdict (lib/training/judge/verdict.ts) against
 * baselines scored on the same split. Shared by executeTrainingRun and the CLI.
 */
import { computeBaselines } from "./baselines";
import { chanceLoss, judgeConvergence } from "./convergence";
import { evaluateClassifier, type Evaluation } from "./metrics";
import { outputHead } from "../engine/model";
import type { Convergence, EpochMetrics, TrainingSpec, Verdict } from "../schemas";
import { evaluationSplit, type EvaluationSplit, type TrainingData } from "../engine/training-data";
import { judgeRun } from "./verdict";

export type RunEvaluation = Evaluation & { split: EvaluationSplit };

/**
 * `probabilities`: the model's per-class probabilities for each row of
 * evaluationSplit(data). `bestEpoch`: the epoch whose weights early stopping
 * restored (TrainResult.bestEpoch), so overfitting is judged for the kept model.
 */
export function judgeTraining(
  spec: TrainingSpec,
  data: TrainingData,
  classes: readonly string[],
  result: { history: EpochMetrics[]; probabilities: number[][]; bestEpoch?: number | null },
): { evaluation: RunEvaluation; convergence: Convergence; verdict: Verdict } {
  const split = evaluationSplit(data);
  const evaluation = { ...evaluateClassifier(Array.from(data[split].y), result.probabilities, classes), split };
  const head = outputHead(spec.model, data.classCount);
  const chance = chanceLoss(Array.from(data.train.y), data.classCount, head.kind === "multi-sigmoid");
  const convergence = judgeConvergence(result.history, { chanceLoss: chance });
  const hasValidation = data.validation.x.rows > 0;
  const verdict = judgeRun({
    history: result.history,
    convergence,
    evaluation,
    evaluatedOn: split,
    baselines: computeBaselines(data.train, data[split], classes),
    bestEpoch: result.bestEpoch ?? null,
    selectsOnValidation: hasValidation && (spec.earlyStopping !== "off" || spec.lrSchedule.type === "plateau"),
  });
  return { evaluation, convergence, verdict };
}
