import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import type { CleanedDataset } from "../../../lib/datasets/cleaned-dataset";
import { prepareTrainingData } from "../../../lib/datasets/prepare";
import { encodeInstance, fitPreprocessing, transformRows } from "../../../lib/datasets/preprocess";
import { AppError } from "../../../lib/errors";

const lines = (...rows: string[]) => rows.join("\n") + "\n";

// size (numeric, 0 = missing), colour (categorical), label.
const csv = lines(
  "size,colour,label",
  "2,red,a", // 0
  "4,blue,b", // 1
  "6,red,a", // 2
  "0,?,b", // 3: both missing
  "8,blue,a", // 4
  "100,green,b", // 5: test-only category
);
const clean = (options = {}) => cleanDataset(csv, { zeroMissing: ["size"], ...options }).cleaned;
const TRAIN = [0, 1, 2, 3, 4];

/** A deep copy with one cell changed. */
function withCell(cleaned: CleanedDataset, row: number, col: number, value: number | string | null): CleanedDataset {
  const copy = structuredClone(cleaned);
  copy.rows[row]![col] = value;
  return copy;
}

describe("fitting preprocessing on the train split", () => {
  it("fits imputation, z-score and categories on the train rows only", () => {
    const pre = fitPreprocessing(clean(), TRAIN);
    // Train sizes 2, 4, 6, 8 (row 3 is missing): median 5, mean 5, population std √5.
    expect(pre.features[0]).toEqual({
      kind: "numeric",
      name: "size",
      impute: 5,
      imputeStrategy: "median",
      missingValues: [0],
      scale: { method: "zscore", mean: 5, std: Math.sqrt(5) },
    });
    // "green" is only in row 5 (not train): it is no category; red and blue tie at 2, the first in order wins the mode.
    expect(pre.features[1]).toEqual({
      kind: "categorical",
      name: "colour",
      categories: ["blue", "red"],
      impute: "blue",
    });
    expect(pre.encodedFeatureNames).toEqual(["size", "colour=blue", "colour=red"]);
    expect(pre).toMatchObject({ inputColumns: ["size", "colour"], target: "label", classes: ["a", "b"] });
  });

  it("does not change when a non-train row changes, and does when a train row does", () => {
    const base = clean();
    const pre = fitPreprocessing(base, TRAIN);
    expect(fitPreprocessing(withCell(base, 5, 0, 1e6), TRAIN)).toEqual(pre);
    expect(fitPreprocessing(withCell(base, 5, 1, "purple"), TRAIN)).toEqual(pre);
    expect(fitPreprocessing(withCell(base, 4, 0, 10), TRAIN)).not.toEqual(pre);
  });

  it("fits min-max parameters when asked", () => {
    const pre = fitPreprocessing(clean({ normalisation: "minmax" }), TRAIN);
    expect(pre.features[0]).toMatchObject({ scale: { method: "minmax", min: 2, max: 8 } });
    expect(
      transformRows(pre, [
        [2, "red"],
        [8, "blue"],
        [5, null],
      ]),
    ).toEqual([
      [0, 0, 1],
      [1, 1, 0],
      [0.5, 1, 0],
    ]);
  });

  it("imputes with the chosen train statistic", () => {
    const pre = fitPreprocessing(
      cleanDataset(csv, { zeroMissing: ["size"], impute: { numeric: "mean" }, normalisation: "none" }).cleaned,
      [0, 1, 4],
    );
    // Train sizes 2, 4, 8: mean 14/3.
    expect(pre.features[0]).toMatchObject({ impute: 14 / 3, imputeStrategy: "mean", scale: { method: "none" } });
  });
});

describe("encoding instances for serving", () => {
  const pre = fitPreprocessing(clean(), TRAIN);
  const z = (v: number) => (v - 5) / Math.sqrt(5);

  it("encodes an array in input-column order and an object by name, identically", () => {
    expect(encodeInstance(pre, [7, "red"])).toEqual([z(7), 0, 1]);
    expect(encodeInstance(pre, { colour: "red", size: 7 })).toEqual([z(7), 0, 1]);
    expect(encodeInstance(pre, ["7", " blue "])).toEqual([z(7), 1, 0]);
  });

  it("imputes missing values, including the column's zero-means-missing, with the train values", () => {
    expect(encodeInstance(pre, [null, null])).toEqual([z(5), 1, 0]);
    expect(encodeInstance(pre, [0, "?"])).toEqual([z(5), 1, 0]);
    expect(encodeInstance(pre, { size: "NA", colour: "" })).toEqual([z(5), 1, 0]);
  });

  it("encodes an unseen category as all zeros", () => {
    expect(encodeInstance(pre, [4, "green"])).toEqual([z(4), 0, 0]);
  });

  it("encodes training rows exactly as transformRows does", () => {
    const cleaned = clean();
    expect(cleaned.rows.map((r) => encodeInstance(pre, r))).toEqual(transformRows(pre, cleaned.rows));
  });

  it("refuses a wrong length, absent or unknown keys, and text in a numeric column, with clear messages", () => {
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe("unprocessable_entity");
        return (err as AppError).message;
      }
      throw new Error("expected a refusal");
    };
    expect(message(() => encodeInstance(pre, [1]))).toBe("Expected 2 values (size, colour), got 1");
    expect(message(() => encodeInstance(pre, { size: 1, shade: "red" }))).toMatch(/missing colour; unknown shade/);
    expect(message(() => encodeInstance(pre, ["big", "red"]))).toBe('size must be a number, not "big"');
  });
});

describe("preparing training data", () => {
  const cleaned = cleanDataset(
    lines(
      "x,kind,y",
      ...Array.from(
        { length: 60 },
        (_, i) => `${i % 7 === 0 ? "?" : i},${["p", "q", "r"][i % 3]},${i % 4 === 0 ? "pos" : "neg"}`,
      ),
    ),
    { duplicates: "keep" },
  ).cleaned;

  it("splits, fits on train and encodes every part, the same way for the same seed", () => {
    const prepared = prepareTrainingData(cleaned, { seed: 42 });
    expect(prepareTrainingData(cleaned, { seed: 42 })).toEqual(prepared);
    expect(prepared.seed).toBe(42);
    const { train, validation, test } = prepared.indices;
    expect(train.length + validation.length + test.length).toBe(60);
    expect(prepared.train.x.length).toBe(train.length);
    expect(prepared.train.y).toEqual(train.map((i) => cleaned.labels[i]));
    expect(prepared.test.x[0]!.length).toBe(prepared.preprocessing.encodedFeatureNames.length);
    expect(prepared.preprocessing).toEqual(fitPreprocessing(cleaned, train));
    expect(prepared.validation.x).toEqual(
      transformRows(
        prepared.preprocessing,
        validation.map((i) => cleaned.rows[i]!),
      ),
    );
  });

  it("gives identical preprocessing when a test row is changed (no leakage)", () => {
    const prepared = prepareTrainingData(cleaned, { seed: 7 });
    const testRow = prepared.indices.test[0]!;
    const changed = withCell(cleaned, testRow, 0, 1e9);
    expect(prepareTrainingData(changed, { seed: 7 }).preprocessing).toEqual(prepared.preprocessing);
  });

  it("takes other split proportions and refuses ones that do not add up", () => {
    const prepared = prepareTrainingData(cleaned, { seed: 1, split: { train: 0.5, validation: 0.25, test: 0.25 } });
    expect(prepared.indices.train.length).toBe(30);
    expect(() => prepareTrainingData(cleaned, { seed: 1, split: { train: 0.5, validation: 0.1, test: 0.1 } })).toThrow(
      /add up to 1/,
    );
  });
});
