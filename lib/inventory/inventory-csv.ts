import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { inventoryColumns, InventoryRow, type InventoryColumn } from "./csv-columns";
import type { FleetState, LineError, NumberedRow } from "./import-plan";

/**
 * Reads inventory CSV into validated rows, collecting every problem with its
 * line (1 = the header). The header must name known columns; `site` is required.
 */
export function readInventoryCsv(text: string): { rows: NumberedRow[]; errors: LineError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes with the line it ended on (csv-parse's types miss this).
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], errors: [{ line: e.lines ?? 1, message: `CSV syntax: ${e.message}` }] };
  }
  const [header, ...body] = records;
  if (!header)
    return { rows: [], errors: [{ line: 1, message: "the CSV is empty; the first line must name the columns" }] };
  const headerErrors = checkHeader(header.record);
  if (headerErrors.length) return { rows: [], errors: headerErrors };
  const rows: NumberedRow[] = [];
  const errors: LineError[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      errors.push({ line, message: `expected ${header.record.length} cells, found ${record.length}` });
      continue;
    }
    const parsed = InventoryRow.safeParse(
      Object.fromEntries(header.record.map((col, i) => [col, unescapeFormula(record[i]!)])),
    );
    if (parsed.success) rows.push({ line, row: parsed.data });
    else
      for (const issue of parsed.error.issues)
        errors.push({ line, message: `${issue.path.join(".") || "row"}: ${issue.message}` });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: "the CSV has a header but no rows" });
  return { rows, errors };
}

// A cell the export guarded against formula injection ('=…, '+…, '-…, '@…):
// read back as it was stored. Hostnames and names can't start with a quote, so
// nothing else loses one.
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;
const unescapeFormula = (cell: string) => (ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell);

function checkHeader(header: string[]): LineError[] {
  const known = new Set<string>(inventoryColumns);
  const errors: LineError[] = [];
  const unknown = header.filter((c) => !known.has(c));
  if (unknown.length)
    errors.push({ line: 1, message: `unknown columns: ${unknown.join(", ")} (known: ${inventoryColumns.join(", ")})` });
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length) errors.push({ line: 1, message: `repeated columns: ${[...new Set(repeated)].join(", ")}` });
  if (!header.includes("site")) errors.push({ line: 1, message: "the site column is required" });
  return errors;
}

type Cells = Partial<Record<InventoryColumn, string | number | null>>;

/**
 * Writes the whole fleet as inventory CSV that readInventoryCsv accepts back:
 * one row per GPU, per server without GPUs, per rack without servers, per site
 * without racks; sorted, so two exports of the same fleet are byte-identical.
 */
export function writeInventoryCsv(fleet: FleetState): string {
  const rows: Cells[] = [];
  const gpusByServer = groupBy([...fleet.gpus.values()], (g) => g.hostname);
  const serversByRack = groupBy([...fleet.servers.values()], (s) => s.rackKey);
  const racksBySite = groupBy([...fleet.racks.values()], (r) => r.site);
  for (const site of sortBy([...fleet.sites.values()], (s) => s.name)) {
    const siteCells: Cells = {
      site: site.name,
      site_timezone: site.timezone,
      site_currency: site.currency,
      site_tariff_per_kwh: site.tariffPerKwh,
      site_carbon_g_per_kwh: site.carbonGPerKwh,
    };
    const racks = sortBy(racksBySite.get(site.name) ?? [], (r) => r.name);
    if (racks.length === 0) rows.push(siteCells);
    for (const rack of racks) {
      const rackCells: Cells = {
        ...siteCells,
        rack: rack.name,
        rack_u_height: rack.heightU,
        rack_power_cap_kw: rack.powerCapKw,
      };
      const servers = sortBy(serversByRack.get(`${site.name}/${rack.name}`) ?? [], (s) => s.hostname);
      if (servers.length === 0) rows.push(rackCells);
      for (const s of servers) {
        const serverCells: Cells = {
          ...rackCells,
          name: s.hostname,
          position: s.positionU,
          u_height: s.heightU,
          device_type: s.model,
          serial: s.serial,
          status: s.status,
        };
        const gpus = [...(gpusByServer.get(s.hostname) ?? [])].sort((a, b) => a.index - b.index);
        if (gpus.length === 0) rows.push(serverCells);
        for (const g of gpus)
          rows.push({
            ...serverCells,
            gpu_uuid: g.uuid,
            gpu_index: g.index,
            gpu_model: g.model,
            gpu_memory_mib: g.memoryMiB,
            gpu_pci_bus_id: g.pciBusId,
          });
      }
    }
  }
  return stringify(
    rows.map((r) => inventoryColumns.map((c) => r[c] ?? "")),
    // A serial or model typed as "=HYPERLINK(…)" must not run when the export is opened in a spreadsheet (OWASP CSV
    // injection): such cells are written with a leading quote; numbers stay numbers.
    { header: true, columns: [...inventoryColumns], escape_formulas: true },
  );
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function sortBy<T>(items: T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
