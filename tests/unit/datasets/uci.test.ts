import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { prepareTrainingData } from "../../../lib/datasets/prepare";
import { encodeInstance } from "../../../lib/datasets/preprocess";

// The real UCI files shared with the team (no header rows; see the .names
// files next to them). Expected numbers are computed here from the raw text,
// independently of lib/datasets, wherever the .names file does not state them.
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.resolve(repoRoot, "../shared/datasets", file), "utf8");
const rawRows = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));

/** Linear-interpolation quantile (NumPy's default), written out again for the test. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}

describe("Pima Indians diabetes (zeros mean missing in glucose, blood pressure, skin, insulin, BMI)", () => {
  const text = read("pima-indians-diabetes.csv");
  const raw = rawRows(text);
  const result = cleanDataset(text, { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] });

  it("counts exactly the zeros of columns 1–5 as missing and imputes every one of them", () => {
    const zeros = [1, 2, 3, 4, 5].map((c) => raw.filter((r) => Number(r[c]) === 0).length);
    expect(zeros).toEqual([5, 35, 227, 374, 11]); // as published for this file
    expect([1, 2, 3, 4, 5].map((c) => result.report.missing[`c${c}`])).toEqual(zeros);
    expect(result.report.missing.c0).toBe(0); // pregnancies: 0 is a real value here
    expect(result.report.imputed).toBe(zeros.reduce((a, b) => a + b, 0));
    expect(result.report).toMatchObject({ sourceRows: 768, rows: 768, duplicatesRemoved: 0, targetMissingDropped: 0 });
  });

  it("has the class distribution of the .names file: 500 negative, 268 positive", () => {
    expect(result.classes).toEqual([
      { label: "0", index: 0, count: 500 },
      { label: "1", index: 1, count: 268 },
    ]);
  });

  it("flags IQR outliers in the diabetes pedigree column as counted from the raw values", () => {
    const pedigree = raw.map((r) => Number(r[6]));
    const q1 = quantile(pedigree, 0.25);
    const q3 = quantile(pedigree, 0.75);
    const expected = pedigree.filter((v) => v < q1 - 1.5 * (q3 - q1) || v > q3 + 1.5 * (q3 - q1)).length;
    expect(expected).toBeGreaterThan(0);
    expect(result.report.outliers.c6).toBe(expected);
  });

  it("imputes insulin for training with the median of the train rows' non-zero values only", () => {
    const prepared = prepareTrainingData(result.cleaned, { seed: 2024 });
    const trainInsulin = prepared.indices.train.map((i) => Number(raw[i]![4])).filter((v) => v !== 0);
    const insulin = prepared.preprocessing.features[4]!;
    expect(insulin).toMatchObject({ kind: "numeric", name: "c4", imputeStrategy: "median", missingValues: [0] });
    expect(insulin.kind === "numeric" && insulin.impute).toBe(quantile(trainInsulin, 0.5));
    // A serving instance with insulin 0 encodes like one with the train median.
    const row = raw[0]!.slice(0, 8).map(Number);
    const withMedian = [...row];
    withMedian[4] = quantile(trainInsulin, 0.5);
    expect(encodeInstance(prepared.preprocessing, row)).toEqual(encodeInstance(prepared.preprocessing, withMedian));
  });
});

describe("Wisconsin breast cancer (? in bare nuclei)", () => {
  const text = read("breast-cancer-wisconsin.csv");
  const raw = rawRows(text);

  it("counts the 16 ? cells of bare nuclei, the sixth column of this file", () => {
    // This copy has no sample-code column: 9 attributes and the class.
    expect(raw[0]!.length).toBe(10);
    const result = cleanDataset(text, { header: false });
    expect(result.report.missing).toEqual({ c0: 0, c1: 0, c2: 0, c3: 0, c4: 0, c5: 16, c6: 0, c7: 0, c8: 0, c9: 0 });
    expect(result.columns.every((c) => c.type === "numeric")).toBe(true);
  });

  it("ignores an id column and removes the rows repeated in every other column", () => {
    // Put a sample-code column in front, as in the original UCI file, and ignore it.
    const withIds = raw.map((r, i) => [String(1000000 + i), ...r].join(",")).join("\n");
    const result = cleanDataset(withIds, { header: false, ignore: [0], target: -1 });
    const unique = [...new Set(raw.map((r) => r.join(",")))];
    expect(result.report.duplicatesRemoved).toBe(699 - unique.length);
    expect(result.report.rows).toBe(unique.length);
    expect(result.columns[0]).toEqual({ name: "c0", type: "numeric", role: "ignored" });
    expect(result.cleaned.features).toHaveLength(9);
    const benign = unique.filter((l) => l.endsWith(",2")).length;
    expect(result.classes).toEqual([
      { label: "2", index: 0, count: benign },
      { label: "4", index: 1, count: unique.length - benign },
    ]);
    // Of the 16 ? cells, the ones in repeated rows are imputed once.
    const imputed = unique.filter((l) => l.split(",")[5] === "?").length;
    expect(result.report.columns.find((c) => c.name === "c6")!.imputation).toMatchObject({
      strategy: "median",
      cells: imputed,
    });
  });
});

describe("wheat seeds (three varieties, 70 each)", () => {
  const text = read("wheat-seeds.csv");

  it("reads the comma file and the tab-aligned original layout into the same dataset", () => {
    const comma = cleanDataset(text, { header: false });
    // The UCI original separates with tabs, sometimes two in a row.
    const tabbed = text
      .split(/\r?\n/)
      .map((l, i) => l.split(",").join(i % 5 === 0 ? "\t\t" : "\t"))
      .join("\n");
    const auto = cleanDataset(tabbed, { header: false });
    expect(auto.report.delimiter).toBe("whitespace");
    expect(auto.cleaned).toEqual(comma.cleaned);
    expect(comma.classes.map((c) => c.count)).toEqual([70, 70, 70]);
    expect(comma.cleaned.features).toHaveLength(7);
  });

  it("splits each variety 49/10-11/10-11, the same way for the same seed", () => {
    const { cleaned } = cleanDataset(text, { header: false });
    const prepared = prepareTrainingData(cleaned, { seed: 5 });
    for (const label of [0, 1, 2]) {
      expect(prepared.train.y.filter((y) => y === label)).toHaveLength(49);
      const rest = [prepared.validation.y, prepared.test.y].map((ys) => ys.filter((y) => y === label).length);
      expect(rest.sort()).toEqual([10, 11]);
    }
    expect(prepareTrainingData(cleaned, { seed: 5 }).indices).toEqual(prepared.indices);
  });
});

describe("banknote authentication (CRLF line endings)", () => {
  const text = read("banknote_authentication.csv");
  const raw = rawRows(text).map((r) => r.join(","));

  it("removes the repeated rows and keeps the rest with their classes", () => {
    const unique = [...new Set(raw)];
    const result = cleanDataset(text, { header: false, normalisation: "minmax" });
    expect(result.report).toMatchObject({
      sourceRows: 1372,
      duplicatesRemoved: 1372 - unique.length,
      rows: unique.length,
    });
    expect(result.classes.map((c) => c.count)).toEqual([
      unique.filter((l) => l.endsWith(",0")).length,
      unique.filter((l) => l.endsWith(",1")).length,
    ]);
    const prepared = prepareTrainingData(result.cleaned, { seed: 1 });
    for (const x of prepared.train.x.flat()) expect(x >= 0 && x <= 1).toBe(true);
  });
});
