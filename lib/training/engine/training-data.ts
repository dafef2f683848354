/**
 * PreparedData (lib/datasets' hand-off, arrays of arrays) as flat typed arrays:
 * they cross to the training thread by a cheap structured clone and become
 * tensors without another copy.
 */
import type { PreparedData, Preprocessing, SplitPart } from "../../datasets/prepared";

export type Matrix = { values: Float32Array; rows: number; cols: number };
export type LabelledSplit = { x: Matrix; y: Int32Array };
export type TrainingData = {
  train: LabelledSplit;
  validation: LabelledSplit;
  test: LabelledSplit;
  inputSize: number;
  classCount: number;
};

function toMatrix(rows: number[][], cols: number): Matrix {
  const values = new Float32Array(rows.length * cols);
  rows.forEach((row, r) => {
    if (row.length !== cols) throw new Error(`row ${r} has ${row.length} values, expected ${cols}`);
    values.set(row, r * cols);
  });
  return { values, rows: rows.length, cols };
}

function toSplit(part: SplitPart, cols: number, classCount: number): LabelledSplit {
  if (part.x.length !== part.y.length) throw new Error(`${part.x.length} rows but ${part.y.length} labels`);
  const y = Int32Array.from(part.y);
  for (const label of y) {
    if (label < 0 || label >= classCount) throw new Error(`label ${label} is outside 0..${classCount - 1}`);
  }
  return { x: toMatrix(part.x, cols), y };
}

/** Checks the shapes once; the training loop trusts them afterwards. */
export function toTrainingData(
  prepared: Pick<PreparedData, "train" | "validation" | "test"> & {
    preprocessing: Pick<Preprocessing, "classes" | "encodedFeatureNames">;
  },
): TrainingData {
  const classCount = prepared.preprocessing.classes.length;
  const inputSize = prepared.preprocessing.encodedFeatureNames.length || prepared.train.x[0]?.length || 0;
  if (prepared.train.x.length === 0) throw new Error("the training split is empty");
  if (classCount < 2) throw new Error(`a classifier needs at least 2 classes, the data has ${classCount}`);
  return {
    train: toSplit(prepared.train, inputSize, classCount),
    validation: toSplit(prepared.validation, inputSize, classCount),
    test: toSplit(prepared.test, inputSize, classCount),
    inputSize,
    classCount,
  };
}

export type EvaluationSplit = "test" | "validation" | "train";

/**
 * Where a finished model is evaluated: the test split, or when a spec leaves
 * it empty (e.g. XOR's "no split", train fraction 1) validation, else train,
 * and the evaluation says which.
 */
export function evaluationSplit(data: Pick<TrainingData, "test" | "validation">): EvaluationSplit {
  return data.test.x.rows > 0 ? "test" : data.validation.x.rows > 0 ? "validation" : "train";
}
