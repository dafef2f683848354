/**
 * The hand-off between lib/datasets and lib/training: numbers ready for a
 * tensor, plus everything needed to turn a raw instance into the same numbers
 * at serving time. Plain JSON-serialisable data (it crosses worker threads and
 * is stored with the model artifact).
 */

/** How one raw column becomes model inputs; fitted on the training split only. */
export type FeatureTransform =
  | {
      kind: "numeric";
      name: string;
      /** Value used for a missing cell (mean/median/mode of the training split). */
      impute: number;
      imputeStrategy: "mean" | "median" | "mode";
      /** Values that mean "missing" for this column besides empty/?/NA (Pima's zeros). */
      missingValues: number[];
      scale:
        | { method: "zscore"; mean: number; std: number }
        | { method: "minmax"; min: number; max: number }
        | { method: "none" };
    }
  | {
      kind: "categorical";
      name: string;
      /** One input per category, in this order; an unseen category encodes as all zeros. */
      categories: string[];
      impute: string;
    };

export type Preprocessing = {
  /** Source column names in the order instances are given as arrays. */
  inputColumns: string[];
  features: FeatureTransform[];
  /** Names of the model inputs after encoding (one-hot expands categoricals). */
  encodedFeatureNames: string[];
  target: string;
  /** Label strings; the model's output index i means classes[i]. */
  classes: string[];
};

export type SplitPart = { x: number[][]; y: number[] };

export type PreparedData = {
  preprocessing: Preprocessing;
  train: SplitPart;
  validation: SplitPart;
  test: SplitPart;
  /** Row indices (into the cleaned dataset) of each part, for lineage and tests. */
  indices: { train: number[]; validation: number[]; test: number[] };
  seed: number;
};
