import { AppError } from "../errors";
import { getTemplate } from "../training/templates";
import { TrainingSpec } from "../training/schemas";
import { ensureXorDataset } from "./xor-dataset";
import type { TrainJobInput } from "./schemas";

const trainingKeys = Object.keys(TrainingSpec.shape) as (keyof TrainingSpec)[];

/**
 * The complete training spec of a train job body: the template's spec (or
 * TrainingSpec's defaults), overridden by every training field the body sends;
 * `model` is merged field by field, so `{model: {hidden: [8]}}` keeps the
 * template's activation. Templates train on the built-in xor dataset unless the
 * body names another.
 */
export async function resolveTrainingSpec(
  input: TrainJobInput,
): Promise<{ training: TrainingSpec; datasetRef: string }> {
  const template = input.template ? getTemplate(input.template) : undefined;
  if (input.template && !template) throw new AppError("unprocessable_entity", `There is no template ${input.template}`);
  const sent = Object.fromEntries(trainingKeys.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
  const merged = { ...template?.spec, ...sent, model: { ...template?.spec.model, ...input.model } };
  const training = TrainingSpec.parse(merged);
  if (input.dataset) return { training, datasetRef: input.dataset };
  if (!template)
    throw new AppError("unprocessable_entity", "Name a dataset (name, name@version or version id), or use a template", {
      path: "dataset",
    });
  return { training, datasetRef: await ensureXorDataset() };
}
