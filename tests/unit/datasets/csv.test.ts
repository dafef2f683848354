import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvTable } from "../../../lib/datasets/csv";
import { AppError } from "../../../lib/errors";

/** The AppError a call throws, so its code and line details can be checked. */
function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

describe("reading dataset CSV", () => {
  it("takes column names from the header line", () => {
    const table = readCsvTable("a,b,label\n1,2,x\n3,4,y\n", { header: true, delimiter: "auto" });
    expect(table.names).toEqual(["a", "b", "label"]);
    expect(table.records).toEqual([
      { line: 2, cells: ["1", "2", "x"] },
      { line: 3, cells: ["3", "4", "y"] },
    ]);
  });

  it("names the columns of a headerless file c0..cN, or as columns= says", () => {
    expect(readCsvTable("1,2,x\n3,4,y", { header: false, delimiter: "auto" }).names).toEqual(["c0", "c1", "c2"]);
    expect(readCsvTable("1,2,x\n3,4,y", { header: false, columns: ["p", "q", "r"], delimiter: "auto" }).names).toEqual([
      "p",
      "q",
      "r",
    ]);
  });

  it("refuses columns= that does not match the row width, and columns= with a header", () => {
    expect(
      thrown(() => readCsvTable("1,2,x\n", { header: false, columns: ["p", "q"], delimiter: "auto" })).details,
    ).toEqual([{ line: 1, message: "columns= names 2 columns but the rows have 3 cells" }]);
    expect(
      thrown(() => readCsvTable("a,b\n1,2\n", { header: true, columns: ["p", "q"], delimiter: "auto" })).code,
    ).toBe("unprocessable_entity");
  });

  it("lists every ragged row with its line, counting blank lines", () => {
    const err = thrown(() => readCsvTable("a,b,c\n1,2,3\n\n4,5\n6,7,8,9\n", { header: true, delimiter: "auto" }));
    expect(err.code).toBe("unprocessable_entity");
    expect(err.details).toEqual([
      { line: 4, message: "expected 3 cells, found 2" },
      { line: 5, message: "expected 3 cells, found 4" },
    ]);
  });

  it("refuses a file with a header and no data, an empty file, and unclosed quotes", () => {
    expect(thrown(() => readCsvTable("a,b,c\n", { header: true, delimiter: "auto" })).details).toEqual([
      { line: 2, message: "the CSV has a header but no data rows" },
    ]);
    expect(thrown(() => readCsvTable("", { header: false, delimiter: "auto" })).details).toEqual([
      { line: 1, message: "the CSV has no data rows" },
    ]);
    const quote = thrown(() => readCsvTable('a,b\n1,"2\n3,4\n', { header: true, delimiter: "," }));
    expect((quote.details as { message: string }[])[0]!.message).toMatch(/^CSV syntax: Quote Not Closed/);
  });

  it("refuses repeated and empty header names", () => {
    expect(thrown(() => readCsvTable("a,a,\n1,2,3\n", { header: true, delimiter: "," })).details).toEqual([
      { line: 1, message: "column 2 has no name" },
      { line: 1, message: "repeated column names: a" },
    ]);
  });

  it("detects comma, semicolon, and tab- or space-aligned files", () => {
    expect(detectDelimiter("1,2,3\n")).toBe(",");
    expect(detectDelimiter("1;2,5;3\n")).toBe(";");
    expect(detectDelimiter("15.26\t14.84\t\t0.871\n")).toBe("whitespace");
    expect(detectDelimiter("\n  1.5   2.5  3\n")).toBe("whitespace");
    expect(detectDelimiter("42\n")).toBe(",");
  });

  it("reads a whitespace-aligned file with irregular runs of tabs and spaces and CRLF endings", () => {
    const table = readCsvTable("15.26\t14.84\t\t0.871\t1\r\n14.88 14.57  0.8811\t2\r\n", {
      header: false,
      delimiter: "auto",
    });
    expect(table.delimiter).toBe("whitespace");
    expect(table.records.map((r) => r.cells)).toEqual([
      ["15.26", "14.84", "0.871", "1"],
      ["14.88", "14.57", "0.8811", "2"],
    ]);
  });

  it("keeps empty cells of a real TSV when delimiter=tab is given", () => {
    const table = readCsvTable("a\tb\tc\n1\t\t3\n", { header: true, delimiter: "tab" });
    expect(table.records[0]!.cells).toEqual(["1", "", "3"]);
  });

  it("reads quoted cells with commas, a byte-order mark, and mixed line endings", () => {
    const table = readCsvTable('\uFEFFname,label\r\n"Smith, J",a\n"x",b\r\n', { header: true, delimiter: "auto" });
    expect(table.names).toEqual(["name", "label"]);
    expect(table.records.map((r) => r.cells)).toEqual([
      ["Smith, J", "a"],
      ["x", "b"],
    ]);
  });
});
