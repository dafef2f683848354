import { parse } from "csv-parse/sync";
import { AppError } from "../errors";
import type { Delimiter } from "./schemas";

/** A data row as read, with the file line it ended on (1-based, for error messages). */
export type CsvRecord = { line: number; cells: string[] };
export type LineError = { line: number; message: string };

export type CsvTable = {
  names: string[];
  records: CsvRecord[];
  /** The delimiter used: `,` `;` `|` `tab` or `whitespace`. */
  delimiter: Exclude<Delimiter, "auto">;
};

/** Above this many bad lines the answer lists the first ones and says how many more. */
const MAX_LINE_ERRORS = 100;

/**
 * Guesses the delimiter from the first non-empty line: the most frequent of
 * `, ; |` or tab. Tabs are read as `whitespace` (runs of blanks), because the
 * UCI files that use tabs align columns with one or two of them; a real TSV
 * with empty cells needs `delimiter=tab`. A line with none of these but blanks
 * between tokens is whitespace-separated; a single column is comma-separated.
 */
export function detectDelimiter(text: string): Exclude<Delimiter, "auto"> {
  const first =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n|\r/)
      .find((l) => l.trim() !== "") ?? "";
  const counts = ([",", ";", "|", "\t"] as const).map((d) => [d, first.split(d).length - 1] as const);
  const [best, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (count > 0) return best === "\t" ? "whitespace" : best;
  return /\S\s+\S/.test(first.trim()) ? "whitespace" : ",";
}

function parseDelimited(text: string, delimiter: string): CsvRecord[] {
  try {
    // Mixed \r\n and \n would stop csv-parse's line-ending detection; normalising keeps line numbers.
    const rows = parse(text.replace(/\r\n?/g, "\n"), {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw invalidCsv([{ line: e.lines ?? 1, message: `CSV syntax: ${e.message}` }]);
  }
}

// Whitespace-separated files (UCI style) have no quoting: split each line on runs of blanks.
function parseWhitespace(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line !== "") records.push({ line: i + 1, cells: line.split(/\s+/) });
    });
  return records;
}

/** The 422 for a file that cannot become a dataset; `details` lists each bad line. */
export function invalidCsv(errors: LineError[]): AppError {
  const lines = new Set(errors.map((e) => e.line)).size;
  const shown = errors.slice(0, MAX_LINE_ERRORS);
  const more = errors.length > shown.length ? ` (the first ${shown.length} are listed)` : "";
  return new AppError(
    "unprocessable_entity",
    `The CSV has problems on ${lines} line${lines === 1 ? "" : "s"}${more}; nothing was stored`,
    shown,
  );
}

/** `c0..cN`: names for the columns of a file without a header. */
export function defaultColumnNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `c${i}`);
}

function checkNames(names: string[], line: number): LineError[] {
  const errors: LineError[] = [];
  names.forEach((n, i) => n === "" && errors.push({ line, message: `column ${i} has no name` }));
  const repeated = [...new Set(names.filter((n, i) => n !== "" && names.indexOf(n) !== i))];
  if (repeated.length) errors.push({ line, message: `repeated column names: ${repeated.join(", ")}` });
  return errors;
}

/**
 * Reads CSV text into column names and equally long string rows. Every ragged
 * row is reported with its line; a file without data rows is refused.
 */
export function readCsvTable(
  text: string,
  options: { header: boolean; columns?: string[]; delimiter: Delimiter },
): CsvTable {
  if (options.header && options.columns)
    throw invalidCsv([
      {
        line: 1,
        message: "columns= names the columns of a file without a header; with header=true the first line names them",
      },
    ]);
  const delimiter = options.delimiter === "auto" ? detectDelimiter(text) : options.delimiter;
  const all =
    delimiter === "whitespace" ? parseWhitespace(text) : parseDelimited(text, delimiter === "tab" ? "\t" : delimiter);
  const head = options.header ? all[0] : undefined;
  const records = options.header ? all.slice(1) : all;
  if (records.length === 0)
    throw invalidCsv([
      {
        line: head ? head.line + 1 : 1,
        message: head ? "the CSV has a header but no data rows" : "the CSV has no data rows",
      },
    ]);

  const first = records[0]!;
  const width = head?.cells.length ?? first.cells.length;
  const names = head?.cells ?? options.columns ?? defaultColumnNames(width);
  if (options.columns && options.columns.length !== first.cells.length) {
    // One message, rather than "expected N cells" on every line of a file whose names are wrong.
    throw invalidCsv([
      {
        line: first.line,
        message: `columns= names ${options.columns.length} columns but the rows have ${first.cells.length} cells`,
      },
    ]);
  }
  const errors = checkNames(names, head?.line ?? 1);
  for (const r of records) {
    if (r.cells.length !== width)
      errors.push({ line: r.line, message: `expected ${width} cells, found ${r.cells.length}` });
  }
  if (errors.length) throw invalidCsv(errors);
  return { names, records, delimiter };
}
