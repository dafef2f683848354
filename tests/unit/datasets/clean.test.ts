import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { UploadDatasetQuery } from "../../../lib/datasets/schemas";
import { AppError } from "../../../lib/errors";

const lines = (...rows: string[]) => rows.join("\n") + "\n";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

const profile = (result: ReturnType<typeof cleanDataset>, name: string) =>
  result.report.columns.find((c) => c.name === name)!;

describe("cleaning: duplicates and missing values", () => {
  it("removes rows equal in every kept column (after trimming) and counts them", () => {
    const r = cleanDataset(lines("a,b,y", "1,2,x", "1,2,x", "1,2,y", " 1 , 2 ,x", "3,4,y"));
    expect(r.report.duplicatesRemoved).toBe(2);
    expect(r.report.sourceRows).toBe(5);
    expect(r.report.rows).toBe(3);
    expect(r.cleaned.rows).toEqual([
      [1, 2],
      [1, 2],
      [3, 4],
    ]);
    expect(r.cleaned.labels).toEqual([0, 1, 1]);
  });

  it("ignores ignored columns when looking for duplicates, and keeps duplicates when asked", () => {
    const csv = lines("id,a,y", "1,5,x", "2,5,x", "3,6,y");
    expect(cleanDataset(csv, { ignore: ["id"] }).report.duplicatesRemoved).toBe(1);
    expect(cleanDataset(csv, { ignore: ["id"], duplicates: "keep" }).report).toMatchObject({
      duplicatesRemoved: 0,
      rows: 3,
    });
  });

  it("counts empty, ?, NA, N/A and NaN cells as missing, and zeros only in zero-means-missing columns", () => {
    const csv = lines("a,b,y", ",0,x", "?,0.0,y", "NA,5,x", "N/A,6,y", "nan,7,x", "3,8,y", "4,0,x");
    const plain = cleanDataset(csv);
    expect(plain.report.missing).toEqual({ a: 5, b: 0, y: 0 });
    const zeros = cleanDataset(csv, { zeroMissing: ["b"] });
    expect(zeros.report.missing).toEqual({ a: 5, b: 3, y: 0 });
    expect(zeros.cleaned.features.find((f) => f.name === "b")!.missingValues).toEqual([0]);
    expect(zeros.cleaned.rows.map((r) => r[1])).toEqual([null, null, 5, 6, 7, 8, null]);
    expect(zeros.report.imputed).toBe(8);
  });

  it("counts missing cells over the rows as uploaded, duplicates included", () => {
    const r = cleanDataset(lines("a,y", "?,x", "?,x", "1,y"));
    expect(r.report.missing.a).toBe(2);
    expect(r.report.duplicatesRemoved).toBe(1);
    expect(profile(r, "a").imputation).toMatchObject({ cells: 1 });
  });

  it("drops and counts rows whose target is missing", () => {
    const r = cleanDataset(lines("a,y", "1,x", "2,?", "3,", "4,y"));
    expect(r.report).toMatchObject({ targetMissingDropped: 2, rows: 2, missing: { a: 0, y: 2 } });
  });

  it("drops rows with a missing feature instead of imputing with missing=drop", () => {
    const r = cleanDataset(lines("a,b,y", "1,?,x", "2,3,y", ",4,x", "5,6,x"), { missing: "drop" });
    expect(r.report).toMatchObject({
      rowsDroppedMissing: 2,
      rows: 2,
      imputed: 0,
      missingStrategy: "drop",
      missing: { a: 1, b: 1 },
    });
    expect(r.cleaned.rows).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(profile(r, "a").imputation).toBeNull();
  });
});

describe("cleaning: imputation, outliers, normalisation", () => {
  // Observed 1, 1, 5, 6, 7: mean 4, median 5, mode 1.
  const csv = lines("v,w,y", "1,red,x", "1,red,y", "5,blue,x", "6,?,y", "7,red,x", "?,blue,y");

  it("reports the median for numeric columns and the mode for categorical ones by default", () => {
    const r = cleanDataset(csv);
    expect(profile(r, "v").imputation).toEqual({ strategy: "median", value: 5, cells: 1 });
    expect(profile(r, "w").imputation).toEqual({ strategy: "mode", value: "red", cells: 1 });
    expect(r.report.imputed).toBe(2);
  });

  it("uses the mean or mode when chosen, for all numeric columns or per column", () => {
    expect(profile(cleanDataset(csv, { impute: { numeric: "mean" } }), "v").imputation!.value).toBe(4);
    expect(profile(cleanDataset(csv, { impute: { columns: [["v", "mode"]] } }), "v").imputation!.value).toBe(1);
    const r = cleanDataset(csv, { impute: { numeric: "mean", columns: [[0, "median"]] } });
    expect(r.cleaned.features[0]).toMatchObject({ name: "v", impute: "median" });
  });

  it("refuses mean or median imputation of a categorical column", () => {
    const err = thrown(() => cleanDataset(csv, { impute: { columns: [["w", "mean"]] } }));
    expect(err.code).toBe("unprocessable_entity");
    expect(err.details).toEqual([{ path: "impute", message: "w is categorical" }]);
  });

  it("flags values outside 1.5 IQR of the quartiles without removing them", () => {
    // 1..9 and 100: Q1 3.25, Q3 7.75, IQR 4.5 → fences −3.5 and 14.5.
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    const r = cleanDataset(lines("v,y", ...values.map((v, i) => `${v},${i % 2 ? "a" : "b"}`)));
    expect(profile(r, "v").outliers).toEqual({ lower: -3.5, upper: 14.5, count: 1 });
    expect(r.report.outliers).toEqual({ v: 1 });
    expect(r.report.outlierRows).toBe(1);
    expect(r.cleaned.outlierRows).toEqual([9]);
    expect(r.report.rows).toBe(10);
  });

  it("reports z-score parameters (population std) and min-max parameters over the whole dataset", () => {
    const data = lines("v,y", ...[2, 4, 4, 4, 5, 5, 7, 9].map((v, i) => `${v},${i % 2 ? "a" : "b"}`));
    expect(cleanDataset(data, { duplicates: "keep" }).report.normalisation).toEqual({
      method: "zscore",
      params: { v: { mean: 5, std: 2 } },
    });
    expect(cleanDataset(data, { normalisation: "minmax" }).report.normalisation).toEqual({
      method: "minmax",
      params: { v: { min: 2, max: 9 } },
    });
    expect(cleanDataset(data, { normalisation: "none" }).report.normalisation).toEqual({ method: "none", params: {} });
  });
});

describe("cleaning: types, one-hot and labels", () => {
  it("detects numeric and categorical columns and lists the one-hot categories", () => {
    const r = cleanDataset(lines("n,colour,code,y", "1.5,red,10,a", "-2e1,green,20,b", "3,blue,10,a"), {
      categorical: ["code"],
    });
    expect(r.columns).toEqual([
      { name: "n", type: "numeric", role: "feature" },
      { name: "colour", type: "categorical", role: "feature" },
      { name: "code", type: "categorical", role: "feature" },
      { name: "y", type: "categorical", role: "target" },
    ]);
    expect(r.cleaned.rows[1]).toEqual([-20, "green", "20"]);
    expect(r.report.oneHot).toEqual({ colour: ["blue", "green", "red"], code: ["10", "20"] });
  });

  it("maps labels to indexes, numerically when all labels are numbers", () => {
    const numeric = cleanDataset(lines("v,y", "1,10", "2,2", "3,9", "4,2"));
    expect(numeric.report.labels).toEqual({ "2": 0, "9": 1, "10": 2 });
    expect(numeric.cleaned.labels).toEqual([2, 0, 1, 0]);
    expect(numeric.classes).toEqual([
      { label: "2", index: 0, count: 2 },
      { label: "9", index: 1, count: 1 },
      { label: "10", index: 2, count: 1 },
    ]);
    expect(cleanDataset(lines("v,y", "1,spam", "2,ham")).cleaned.classes).toEqual(["ham", "spam"]);
  });

  it("takes the target by name, by 0-based index, by negative index, or the last column by default", () => {
    const csv = lines("y,a,b", "x,1,2", "z,3,4");
    expect(cleanDataset(csv, { target: "y" }).cleaned.target).toBe("y");
    expect(cleanDataset(csv, { target: 0 }).cleaned.target).toBe("y");
    expect(cleanDataset(csv, { target: "0" }).cleaned.features.map((f) => f.name)).toEqual(["a", "b"]);
    expect(cleanDataset(csv, { target: -2 }).cleaned.target).toBe("a");
    expect(cleanDataset(csv).cleaned.target).toBe("b");
  });

  it("matches a header named like a number by name before index", () => {
    const r = cleanDataset(lines("2,1,0", "a,5,x", "b,6,y"), { target: "0" });
    expect(r.cleaned.target).toBe("0");
  });

  it("names headerless columns c0..cN and accepts a target index for them", () => {
    const r = cleanDataset(lines("1,2,x", "3,4,y"), { header: false, target: "2" });
    expect(r.columns.map((c) => c.name)).toEqual(["c0", "c1", "c2"]);
    expect(r.cleaned.target).toBe("c2");
    expect(r.options.target).toBe("c2");
  });

  it("leaves ignored columns out of the features but lists them", () => {
    const r = cleanDataset(lines("id,a,y", "1000025,5,x", "1002945,6,y"), { ignore: ["id"] });
    expect(r.cleaned.features.map((f) => f.name)).toEqual(["a"]);
    expect(r.columns[0]).toEqual({ name: "id", type: "numeric", role: "ignored" });
    expect(r.report.missing).toEqual({ a: 0, y: 0 });
  });
});

describe("cleaning: refusals", () => {
  it("refuses an unknown target, naming the columns", () => {
    const err = thrown(() => cleanDataset(lines("a,b", "1,x"), { target: "label" }));
    expect(err.code).toBe("unprocessable_entity");
    expect(err.details).toEqual([{ path: "target", message: 'no column "label" (columns: 0:a, 1:b)' }]);
  });

  it("refuses a target with only one class", () => {
    const err = thrown(() => cleanDataset(lines("a,y", "1,x", "2,x", "3,?")));
    expect(err.message).toMatch(/only one class \("x"\)/);
  });

  it("refuses an ignored or zero-means-missing target, and a file with no features", () => {
    expect(thrown(() => cleanDataset(lines("a,y", "1,x", "2,z"), { ignore: ["y"] })).details).toEqual([
      { path: "ignore", message: "the target column y cannot be ignored" },
    ]);
    expect(thrown(() => cleanDataset(lines("a,y", "1,x", "2,z"), { zeroMissing: ["y"] })).code).toBe(
      "unprocessable_entity",
    );
    expect(thrown(() => cleanDataset(lines("a,y", "1,x", "2,z"), { ignore: ["a"] })).details).toEqual([
      { path: "ignore", message: "no feature columns are left besides the target" },
    ]);
  });
});

describe("cleaning: warnings", () => {
  it("warns about a header line of numbers, an empty column and classes too small to split", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},,${i < 3 ? "rare" : "common"}`);
    const r = cleanDataset(lines("5,1,0", ...rows));
    expect(r.report.warnings).toEqual([
      "The header line is all numbers (5, 1, 0); if the file has no header, upload it with header=false so that line is kept as data",
      "Column 1 has no values at all; it is imputed with 0 everywhere and tells the model nothing",
      "Class rare (3 rows) may be missing from the validation or test split",
    ]);
    expect(
      cleanDataset(lines("a,y", ...Array.from({ length: 20 }, (_, i) => `${i},${i % 2}`))).report.warnings,
    ).toEqual([]);
  });
});

describe("the upload query string", () => {
  it("reads lists, booleans and impute specs from strings", () => {
    const q = UploadDatasetQuery.parse({
      name: "pima",
      header: "false",
      target: "8",
      zeroMissing: "1,2,3",
      ignore: ["0", "7"],
      impute: "mean,4:mode",
      delimiter: "\t",
    });
    expect(q).toEqual({
      name: "pima",
      options: expect.objectContaining({
        header: false,
        target: "8",
        zeroMissing: ["1", "2", "3"],
        ignore: ["0", "7"],
        impute: { numeric: "mean", columns: [["4", "mode"]] },
        delimiter: "tab",
        normalisation: "zscore",
      }),
    });
  });

  it("refuses bad names, strategies and methods", () => {
    expect(UploadDatasetQuery.safeParse({ name: "a b" }).success).toBe(false);
    expect(UploadDatasetQuery.safeParse({ name: "ok", impute: "x:average" }).success).toBe(false);
    expect(UploadDatasetQuery.safeParse({ name: "ok", normalisation: "l2" }).success).toBe(false);
    expect(UploadDatasetQuery.safeParse({ name: "ok", header: "maybe" }).success).toBe(false);
    expect(UploadDatasetQuery.safeParse({ name: "ok", zeromissing: "1,2" }).error?.issues[0]).toMatchObject({
      code: "unrecognized_keys",
      keys: ["zeromissing"],
    });
  });
});
