import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { decodeCleaned, encodeCleaned, type CleanedDataset } from "../../../lib/datasets/cleaned-dataset";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const pima = readFileSync(path.resolve(repoRoot, "../shared/datasets/pima-indians-diabetes.csv"), "utf8");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The same object with its keys inserted in reverse order, at the top and in each feature. */
function reversedKeys(cleaned: CleanedDataset): CleanedDataset {
  const reverse = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).reverse()) as T;
  return reverse({ ...cleaned, features: cleaned.features.map(reverse) });
}

describe("the stored cleaned bytes (what cleanedHash hashes)", () => {
  it("are the same for the same file and options, however the object's keys were ordered", () => {
    const a = encodeCleaned(cleanDataset(pima, { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] }).cleaned);
    const again = cleanDataset(pima, {
      header: false,
      target: "c8",
      zeroMissing: ["c1", "c2", "c3", "c4", "c5"],
    }).cleaned;
    expect(sha256(encodeCleaned(again))).toBe(sha256(a));
    expect(sha256(encodeCleaned(reversedKeys(again)))).toBe(sha256(a));
    expect(sha256(encodeCleaned(decodeCleaned(a)))).toBe(sha256(a));
  });

  it("differ between the same file cleaned with and without zero-means-missing", () => {
    const off = cleanDataset(pima, { header: false, target: 8 }).cleaned;
    const on = cleanDataset(pima, { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] }).cleaned;
    expect(sha256(encodeCleaned(on))).not.toBe(sha256(encodeCleaned(off)));
    // What differs is what training reads: zeros became missing cells, and 0 is a missing value at serving.
    expect(on.rows[0]![4]).toBeNull();
    expect(off.rows[0]![4]).toBe(0);
    expect(on.features[4]!.missingValues).toEqual([0]);
    expect(off.features[4]!.missingValues).toEqual([]);
  });

  it("differ when only the imputation strategy changes, since training fits what the bytes name", () => {
    const median = cleanDataset(pima, { header: false, target: 8, zeroMissing: [4] }).cleaned;
    const mean = cleanDataset(pima, {
      header: false,
      target: 8,
      zeroMissing: [4],
      impute: { numeric: "mean" },
    }).cleaned;
    expect(sha256(encodeCleaned(mean))).not.toBe(sha256(encodeCleaned(median)));
  });
});
