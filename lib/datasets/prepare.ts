import { z } from "zod";
import { AppError } from "../errors";
import type { CleanedDataset } from "./cleaned-dataset";
import { fitPreprocessing, transformRows } from "./preprocess";
import type { PreparedData, SplitPart } from "./prepared";
import { NormalisationMethod } from "./schemas";
import { SplitProportions, stratifiedSplit } from "./split";

export const PrepareOptions = z.object({
  seed: z.number().int(),
  /** Default 70/15/15. */
  split: SplitProportions.optional(),
  /** Overrides the normalisation chosen at upload. */
  normalisation: NormalisationMethod.optional(),
});
export type PrepareOptions = z.input<typeof PrepareOptions>;

/**
 * The one call the training engine makes: a seeded stratified split of the
 * cleaned rows, preprocessing fitted on the train part only, and every part
 * encoded with it. Same cleaned data and seed → identical PreparedData.
 * Throws AppError 422 when the split leaves no training rows.
 */
export function prepareTrainingData(cleaned: CleanedDataset, options: PrepareOptions): PreparedData {
  const { seed, split, normalisation } = PrepareOptions.parse(options);
  const indices = stratifiedSplit(cleaned.labels, { seed, ...(split ?? {}) });
  if (indices.train.length === 0) {
    throw new AppError(
      "unprocessable_entity",
      `The dataset has ${cleaned.rows.length} rows; too few to leave any for training with this split`,
    );
  }
  const preprocessing = fitPreprocessing(cleaned, indices.train, { normalisation });
  const part = (rows: number[]): SplitPart => ({
    x: transformRows(
      preprocessing,
      rows.map((i) => cleaned.rows[i]!),
    ),
    y: rows.map((i) => cleaned.labels[i]!),
  });
  return {
    preprocessing,
    train: part(indices.train),
    validation: part(indices.validation),
    test: part(indices.test),
    indices,
    seed,
  };
}
