import { stringify } from "csv-stringify/sync";
import { cursorId, findAuditRows, toAuditEventOut } from "./events";
import type { AuditEventOut, AuditQuery } from "./schemas";

/** Rows fetched per query while an export streams: memory stays flat however long the range. */
export const EXPORT_PAGE_SIZE = 1_000;

export const auditCsvColumns = ["id", "at", "actor", "action", "target", "details", "hash", "prevHash"] as const;

export const exportMediaTypes = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" } as const;
export type ExportFormat = keyof typeof exportMediaTypes;

/**
 * Events as CSV lines (with the header row first when `withHeader`). `details`
 * is its JSON text. Cells that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) get a leading single quote, as
 * OWASP's CSV-injection advice says: actors, targets and details come from
 * users, and an audit export is exactly what gets opened in Excel.
 */
export function formatAuditCsv(events: AuditEventOut[], withHeader: boolean): string {
  const records = events.map((e) => ({
    ...e,
    details: e.details === null ? "" : JSON.stringify(e.details),
    prevHash: e.prevHash ?? "",
  }));
  return stringify(records, { header: withHeader, columns: [...auditCsvColumns], escape_formulas: true });
}

/** Events as NDJSON: one JSON object per line, the same fields as the JSON list's items. */
export function formatAuditNdjson(events: AuditEventOut[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join("");
}

/**
 * Every event the filters match, newest first, as a stream of CSV or NDJSON.
 * Pages of EXPORT_PAGE_SIZE are read only as the client consumes them, so a
 * slow or vanished client stops the reading. The first page is read before
 * this returns, so a failing query is an error answer, not a cut-off download.
 * The set is fixed when the export starts: the log is append-only and ids rise
 * in commit order, so paging downward from the newest id never meets an event
 * written later. `q.cursor` starts the export below that event; `q.limit` does not apply.
 */
export async function openAuditExport(q: AuditQuery, format: ExportFormat): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const render = (events: AuditEventOut[], first: boolean) =>
    format === "csv" ? formatAuditCsv(events, first) : formatAuditNdjson(events);
  let rows = await findAuditRows(q, cursorId(q.cursor), EXPORT_PAGE_SIZE);
  let isFirst = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isFirst) {
        if (rows.length < EXPORT_PAGE_SIZE) return controller.close();
        rows = await findAuditRows(q, rows[rows.length - 1]!.id, EXPORT_PAGE_SIZE);
        if (rows.length === 0) return controller.close();
      }
      // An empty CSV export still has its header row.
      controller.enqueue(encoder.encode(render(rows.map(toAuditEventOut), isFirst)));
      isFirst = false;
    },
  });
}
