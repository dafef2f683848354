/**
 * What a finished run is judged by: metrics on its evaluation split and the
 * convergence verdict. Shared by executeTrainingRun and the CLI.
 */
import { chanceLoss, judgeConvergence } from "./convergence";
import { evaluateClassifier, type Evaluation } from "./metrics";
import { outputHead } from "./model";
import type { Convergence, EpochMetrics, TrainingSpec } from "./schemas";
import { evaluationSplit, type EvaluationSplit, type TrainingData } from "./training-data";

export type RunEvaluation = Evaluation & { split: EvaluationSplit };

/** `probabilities`: the model's per-class probabilities for each row of evaluationSplit(data). */
export function judgeTraining(
  spec: TrainingSpec,
  data: TrainingData,
  classes: readonly string[],
  result: { history: EpochMetrics[]; probabilities: number[][] },
): { evaluation: RunEvaluation; convergence: Convergence } {
  const split = evaluationSplit(data);
  const evaluation = { ...evaluateClassifier(Array.from(data[split].y), result.probabilities, classes), split };
  const head = outputHead(spec.model, data.classCount);
  const chance = chanceLoss(Array.from(data.train.y), data.classCount, head.kind === "multi-sigmoid");
  return { evaluation, convergence: judgeConvergence(result.history, { chanceLoss: chance }) };
}
