/**
 * Evaluation jobs: a stored model (a training run's artifact) scored on every
 * row of a dataset version, with lib/training's metrics. Worker-side only (TF.js).
 */
import { db } from "../../db";
import { loadCleaned } from "../../datasets/datasets";
import { AppError } from "../../errors";
import { loadModelFromArtifact, predict, type RawInstance } from "../../models/artifact";
import { loadVerifiedArtifact, loadVerifiedRunArtifact } from "../../models/artifact-store";
import { loadTrainingBackend } from "../../training/backend/backend";
import { majorityBaseline } from "../../training/judge/baselines";
import { evaluateClassifier, type Evaluation } from "../../training/judge/metrics";
import type { Verdict } from "../../training/schemas";
import { judgeScoredModel } from "../../training/judge/verdict";
import { resolveDatasetRef } from "../dataset-ref";

// Predicting in slices keeps each TF.js call's tensors small on big datasets.
const BATCH_ROWS = 2048;

/** What an evaluation job stores as its result: the metrics, which rows they are on, and the verdict. */
export type EvaluationResult = Evaluation & { split: "all"; heldOut: boolean | null; verdict: Verdict };

/** What an evaluation job scores: a registered version, or (evaluated by run id, before the registry) a run's model. */
export type EvaluatedModel = { modelVersionId: string | null; sourceRunId: string | null };

/** The model's verified artifact, its label for messages, and the dataset version it was trained on. */
async function loadEvaluatedArtifact(source: EvaluatedModel) {
  if (source.modelVersionId) {
    const v = await db.modelVersion.findUniqueOrThrow({
      where: { id: source.modelVersionId },
      select: { artifactId: true, version: true, datasetVersionId: true, model: { select: { name: true } } },
    });
    const label = `${v.model.name} version ${v.version}`;
    return { artifact: await loadVerifiedArtifact(v.artifactId, label), trainedOn: v.datasetVersionId };
  }
  const artifact = source.sourceRunId ? await loadVerifiedRunArtifact(source.sourceRunId) : null;
  if (!artifact)
    throw new AppError(
      "unprocessable_entity",
      `Training run ${source.sourceRunId} has no model (it has not succeeded)`,
    );
  const run = await db.trainingRun.findUnique({
    where: { id: source.sourceRunId! },
    select: { datasetVersionId: true },
  });
  return { artifact, trainedOn: run?.datasetVersionId ?? null };
}

/**
 * Accuracy, precision, recall, F1, ROC AUC and the confusion matrix of the
 * model on dataset version `datasetVersionId`, with a verdict against the
 * majority class of the scored rows. The artifact is checked against its hash
 * first. Rows whose label the model never saw cannot be scored and are left
 * out (`samples` counts the rest). 422 when there is no model or the data
 * lacks the model's columns.
 */
export async function evaluateModelOnDataset(
  source: EvaluatedModel,
  datasetVersionId: string,
  signal?: AbortSignal,
): Promise<EvaluationResult> {
  const { artifact, trainedOn } = await loadEvaluatedArtifact(source);
  const preprocessing = artifact.preprocessing;
  const cleaned = await loadCleaned(datasetVersionId);
  const missing = preprocessing.inputColumns.filter((c) => !cleaned.features.some((f) => f.name === c));
  if (missing.length)
    throw new AppError("unprocessable_entity", `The dataset lacks the model's input columns ${missing.join(", ")}`);

  const { tf } = await loadTrainingBackend();
  const loaded = await loadModelFromArtifact(tf, artifact);
  try {
    const column = new Map(cleaned.features.map((f, i) => [f.name, i]));
    const classIndex = new Map(preprocessing.classes.map((c, i) => [c, i]));
    const actual: number[] = [];
    const probabilities: number[][] = [];
    for (let start = 0; start < cleaned.rows.length; start += BATCH_ROWS) {
      if (signal?.aborted) throw new AppError("conflict", "evaluation stopped");
      const rows = cleaned.rows.slice(start, start + BATCH_ROWS);
      const labels = cleaned.labels.slice(start, start + BATCH_ROWS).map((l) => classIndex.get(cleaned.classes[l]!));
      const scored = rows.flatMap((cells, i) => (labels[i] === undefined ? [] : [{ cells, label: labels[i]! }]));
      const instances: RawInstance[] = scored.map(({ cells }) =>
        Object.fromEntries(preprocessing.inputColumns.map((c) => [c, cells[column.get(c)!] ?? null])),
      );
      const predictions = predict(tf, loaded, instances);
      for (const [i, p] of predictions.entries()) {
        actual.push(scored[i]!.label);
        probabilities.push(preprocessing.classes.map((c) => p.probabilities[c] ?? 0));
      }
    }
    return await judgeEvaluation(
      evaluateClassifier(actual, probabilities, preprocessing.classes),
      actual,
      trainedOn,
      datasetVersionId,
    );
  } finally {
    loaded.model.dispose();
  }
}

/**
 * The verdict of an evaluation job. Scored on the very version the model was
 * trained on, its rows include the training rows: not held out. On another
 * version overlap is unknown (a new version often repeats old rows): null.
 */
async function judgeEvaluation(
  evaluation: Evaluation,
  actual: number[],
  trainedOn: string | null,
  datasetVersionId: string,
): Promise<EvaluationResult> {
  const heldOut = trainedOn === datasetVersionId ? false : null;
  const { label } = await resolveDatasetRef(datasetVersionId);
  const majority = majorityBaseline(actual, actual, evaluation.classes);
  const verdict = judgeScoredModel({ evaluation, majority, heldOut, dataset: label });
  return { ...evaluation, split: "all", heldOut, verdict };
}
