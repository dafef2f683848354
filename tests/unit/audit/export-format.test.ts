import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatAuditCsv, formatAuditNdjson } from "../../../lib/audit/export";
import type { AuditEventOut } from "../../../lib/audit/schemas";

const event = (overrides: Partial<AuditEventOut>): AuditEventOut => ({
  id: "7",
  at: "2026-12-06T10:00:00.000Z",
  actor: "user:alice",
  action: "server.update",
  target: "server:gpu-node-07",
  details: { status: "maintenance" },
  hash: "a".repeat(64),
  prevHash: "b".repeat(64),
  ...overrides,
});

const cellsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

describe("formatAuditCsv", () => {
  it("writes a header row, then one row per event with details as JSON text", () => {
    const csv = formatAuditCsv([event({}), event({ id: "6", details: null, prevHash: null })], true);
    expect(csv.split("\n")[0]).toBe("id,at,actor,action,target,details,hash,prevHash");
    const [first, second] = cellsOf(csv);
    expect(first).toMatchObject({ id: "7", target: "server:gpu-node-07", details: '{"status":"maintenance"}' });
    expect(second).toMatchObject({ id: "6", details: "", prevHash: "" });
  });

  it("leaves the header out for the pages after the first", () => {
    expect(formatAuditCsv([event({})], false)).toMatch(/^7,2026-12-06T10:00:00.000Z,/);
  });

  it.each([
    ["=", "=1+2"],
    ["+", "+1+2"],
    ["-", "-1+2"],
    ["@", "@SUM(A1)"],
    ["a tab", "\t=1+2"],
    ["a carriage return", "\r=1+2"],
  ])("prefixes a cell starting with %s with a single quote, so a spreadsheet shows it as text", (_, value) => {
    const [row] = cellsOf(formatAuditCsv([event({ actor: value, target: value })], true));
    expect(row!.actor).toBe(`'${value}`);
    expect(row!.target).toBe(`'${value}`);
  });

  it("leaves other cells as they are, including a formula character later in the text", () => {
    const [row] = cellsOf(formatAuditCsv([event({ target: "server:a=b", details: "=x" })], true));
    expect(row!.target).toBe("server:a=b");
    // JSON text of a string starts with a quote, which spreadsheets never evaluate.
    expect(row!.details).toBe('"=x"');
  });

  it("quotes cells with commas, quotes and line breaks so each event stays one record", () => {
    const details = { note: 'a, "b"\nc' };
    const [row] = cellsOf(formatAuditCsv([event({ details })], true));
    expect(JSON.parse(row!.details!)).toEqual(details);
  });
});

describe("formatAuditNdjson", () => {
  it("writes one JSON object per line, each ending in a newline", () => {
    const text = formatAuditNdjson([event({}), event({ id: "6" })]);
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(["7", "6"]);
    expect(formatAuditNdjson([])).toBe("");
  });
});
