import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanDataset } from "../../../lib/datasets/clean";
import { describeZeroSuspects, findZeroSuspect, GAP_FACTOR } from "../../../lib/datasets/zero-suspects";

// The rule on the real UCI files shared with the team (../shared/datasets; the
// .names files say which zeros are "not measured"): it must flag exactly
// Pima's glucose, blood pressure, skin thickness, insulin and BMI, and no
// column where a zero is a real value.
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.resolve(repoRoot, "../shared/datasets", file), "utf8");
const rawRows = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
const column = (rows: string[][], c: number) => rows.map((r) => Number(r[c]));

describe("zeros that mean 'not measured' in Pima Indians diabetes", () => {
  const text = read("pima-indians-diabetes.csv");
  const raw = rawRows(text);
  // Attribute order of pima-indians-diabetes.names.
  const names = ["pregnancies", "glucose", "bloodPressure", "skinThickness", "insulin", "bmi", "pedigree", "age"];

  it("flags glucose, blood pressure, skin thickness, insulin and BMI with their zero counts and smallest real values", () => {
    const found = names.map((n, c) => findZeroSuspect(n, column(raw, c), raw.length));
    expect(found.filter(Boolean).map((s) => s!.column)).toEqual([
      "glucose",
      "bloodPressure",
      "skinThickness",
      "insulin",
      "bmi",
    ]);
    // Counted again from the text: the zeros, and the smallest value above zero.
    for (const s of found.filter(Boolean)) {
      const values = column(raw, names.indexOf(s!.column));
      expect(s!.zeros).toBe(values.filter((v) => v === 0).length);
      expect(s!.minNonZero).toBe(Math.min(...values.filter((v) => v > 0)));
      expect(s!.share).toBeCloseTo(s!.zeros / 768, 10);
      expect(s!.minNonZero / s!.spacing).toBeGreaterThanOrEqual(GAP_FACTOR);
    }
    expect(found.filter(Boolean).map((s) => [s!.zeros, s!.minNonZero])).toEqual([
      [5, 44],
      [35, 24],
      [227, 7],
      [374, 14],
      [11, 18.2],
    ]);
  });

  it("does not flag the pregnancies count, whose 111 zeros sit on its own 0, 1, 2… grid", () => {
    const pregnancies = column(raw, 0);
    expect(pregnancies.filter((v) => v === 0)).toHaveLength(111);
    expect(findZeroSuspect("pregnancies", pregnancies, 768)).toBeNull();
  });

  it("puts the suspects and a warning in the report when the file is uploaded without zero-means-missing", () => {
    const { report } = cleanDataset(text, { header: false, target: 8 });
    expect(Object.values(report.missing).every((n) => n === 0)).toBe(true);
    expect(report.zeroSuspects!.map((s) => s.column)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    const warning = describeZeroSuspects(report.zeroSuspects!)!;
    expect(report.warnings).toContain(warning);
    expect(warning).toMatch(
      /^652 exact zeros in c1 \(5, next value 44\), c2 \(35, next value 24\), .* look like "not measured"/,
    );
    expect(warning).toMatch(/zero-means-missing for c1,c2,c3,c4,c5$/);
  });

  it("has nothing left to suspect once columns 1–5 are zero-means-missing", () => {
    const { report } = cleanDataset(text, { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] });
    expect(report.zeroSuspects).toEqual([]);
    expect(report.warnings.some((w) => w.includes("not measured"))).toBe(false);
  });

  it("still flags the columns not named when only some are zero-means-missing", () => {
    const { report } = cleanDataset(text, { header: false, target: 8, zeroMissing: [1, 5] });
    expect(report.zeroSuspects!.map((s) => s.column)).toEqual(["c2", "c3", "c4"]);
  });
});

describe("zeros that are real values", () => {
  it("finds no suspects in the banknote, breast cancer and wheat files", () => {
    for (const file of ["banknote_authentication.csv", "breast-cancer-wisconsin.csv", "wheat-seeds.csv"]) {
      expect(cleanDataset(read(file), { header: false }).report.zeroSuspects, file).toEqual([]);
    }
  });

  it("does not flag banknote's wavelet features rounded to one decimal: zero is a point on a scale with negative values", () => {
    const raw = rawRows(read("banknote_authentication.csv"));
    for (const c of [0, 1, 2, 3]) {
      const rounded = column(raw, c).map((v) => Math.round(v * 10) / 10);
      expect(rounded.filter((v) => v === 0).length, `column ${c}`).toBeGreaterThan(0);
      expect(findZeroSuspect(`c${c}`, rounded, rounded.length)).toBeNull();
    }
  });

  it("does not flag breast cancer's 1–10 scores moved to a 0–9 scale, nor a 0/1 class used as a feature", () => {
    const raw = rawRows(read("breast-cancer-wisconsin.csv"));
    for (const c of [0, 1, 2, 3, 4, 6, 7, 8]) {
      const shifted = column(raw, c).map((v) => v - 1);
      expect(findZeroSuspect(`c${c}`, shifted, shifted.length)).toBeNull();
    }
    const banknoteClass = column(rawRows(read("banknote_authentication.csv")), 4);
    expect(banknoteClass.filter((v) => v === 0).length).toBe(762);
    expect(findZeroSuspect("class", banknoteClass, banknoteClass.length)).toBeNull();
  });

  it("does not flag sparse amounts that are often nothing, whose smallest amounts are as far apart as zero is from them", () => {
    const amounts = [
      ...Array<number>(900).fill(0),
      114,
      401,
      594,
      914,
      991,
      1055,
      1086,
      1111,
      1151,
      1173,
      1409,
      2174,
      5013,
      7688,
      15024,
    ];
    expect(findZeroSuspect("capitalGain", amounts, amounts.length)).toBeNull();
  });

  it("flags zeros put into wheat's kernel area, which cannot be 0", () => {
    const raw = rawRows(read("wheat-seeds.csv"));
    const area = column(raw, 0);
    area[3] = 0;
    area[50] = 0;
    expect(findZeroSuspect("area", area, area.length)).toMatchObject({
      column: "area",
      zeros: 2,
      minNonZero: Math.min(...column(raw, 0)),
    });
  });

  it("needs five distinct non-zero values before it judges a gap", () => {
    expect(findZeroSuspect("levels", [0, 0, 10, 11, 12, 13], 6)).toBeNull();
    expect(findZeroSuspect("levels", [0, 0, 10, 11, 12, 13, 14], 7)).toMatchObject({
      zeros: 2,
      minNonZero: 10,
      spacing: 1,
    });
  });
});
