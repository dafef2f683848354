import { findOverlap, outOfRackReason, overlapReason, type Slot } from "./placement";
import type { InventoryRow } from "./csv-columns";

/**
 * Plans an inventory import without touching the database: merges the rows
 * into entities, checks them against each other and the current fleet, and
 * says what to create and update. Every problem is reported with its CSV line;
 * any problem means nothing is written.
 */

export type LineError = { line: number; message: string };
export type SiteState = {
  name: string;
  timezone: string;
  currency: string;
  tariffPerKwh: number | null;
  carbonGPerKwh: number | null;
};
export type RackState = { site: string; name: string; heightU: number; powerCapKw: number | null };
export type ServerState = {
  hostname: string;
  rackKey: string;
  positionU: number;
  heightU: number;
  model: string | null;
  serial: string | null;
  status: "active" | "maintenance" | "retired";
};
export type GpuState = {
  uuid: string;
  hostname: string;
  index: number;
  model: string;
  memoryMiB: number;
  pciBusId: string | null;
};

/** The fleet as it is, keyed by natural keys (racks by `site/rack`). */
export type FleetState = {
  sites: Map<string, SiteState>;
  racks: Map<string, RackState>;
  servers: Map<string, ServerState>;
  gpus: Map<string, GpuState>;
};

type Change<T> = { create: T[]; update: T[] };
export type ImportPlan = {
  sites: Change<SiteState>;
  racks: Change<RackState>;
  servers: Change<ServerState>;
  gpus: Change<GpuState>;
};

export type NumberedRow = { line: number; row: InventoryRow };

type Entity<T> = { value: T; line: number; isNew: boolean; from: Map<keyof T, number> };

/** Merges `incoming` cells into an entity, reporting cells that contradict an earlier row. */
function merge<T extends object>(
  entity: Entity<T>,
  incoming: Partial<T>,
  line: number,
  label: string,
  errors: LineError[],
): void {
  for (const [key, value] of Object.entries(incoming) as [keyof T, T[keyof T] | undefined][]) {
    if (value === undefined) continue;
    const earlier = entity.from.get(key);
    if (earlier !== undefined && entity.value[key] !== value) {
      errors.push({
        line,
        message: `${label}: ${String(key)} ${String(value)} contradicts ${String(entity.value[key])} on line ${earlier}`,
      });
      continue;
    }
    entity.value[key] = value;
    entity.from.set(key, line);
  }
}

function upsertEntity<T extends object>(
  map: Map<string, Entity<T>>,
  key: string,
  existing: T | undefined,
  defaults: T,
  line: number,
): Entity<T> {
  let e = map.get(key);
  if (!e) {
    e = { value: { ...(existing ?? defaults) }, line, isNew: !existing, from: new Map() };
    map.set(key, e);
  }
  return e;
}

function collect(rows: NumberedRow[], fleet: FleetState, errors: LineError[]) {
  const sites = new Map<string, Entity<SiteState>>();
  const racks = new Map<string, Entity<RackState>>();
  const servers = new Map<string, Entity<ServerState>>();
  const gpus = new Map<string, Entity<GpuState>>();
  for (const { line, row: r } of rows) {
    const site = upsertEntity(
      sites,
      r.site,
      fleet.sites.get(r.site),
      { name: r.site, timezone: "UTC", currency: "USD", tariffPerKwh: null, carbonGPerKwh: null },
      line,
    );
    merge(
      site,
      {
        timezone: r.site_timezone,
        currency: r.site_currency,
        tariffPerKwh: r.site_tariff_per_kwh,
        carbonGPerKwh: r.site_carbon_g_per_kwh,
      },
      line,
      `site ${r.site}`,
      errors,
    );
    if (!r.rack) continue;
    const rackKey = `${r.site}/${r.rack}`;
    const rack = upsertEntity(
      racks,
      rackKey,
      fleet.racks.get(rackKey),
      { site: r.site, name: r.rack, heightU: 42, powerCapKw: null },
      line,
    );
    merge(rack, { heightU: r.rack_u_height, powerCapKw: r.rack_power_cap_kw }, line, `rack ${rackKey}`, errors);
    if (!r.name) continue;
    const existingServer = fleet.servers.get(r.name);
    const server = upsertEntity(
      servers,
      r.name,
      existingServer,
      { hostname: r.name, rackKey, positionU: 0, heightU: 1, model: null, serial: null, status: "active" },
      line,
    );
    merge(
      server,
      { rackKey, positionU: r.position, heightU: r.u_height, model: r.device_type, serial: r.serial, status: r.status },
      line,
      `server ${r.name}`,
      errors,
    );
    if (server.isNew && r.position === undefined && !server.from.has("positionU"))
      errors.push({ line, message: `server ${r.name}: position is required for a new server` });
    if (!r.gpu_uuid) continue;
    const gpu = upsertEntity(
      gpus,
      r.gpu_uuid,
      fleet.gpus.get(r.gpu_uuid),
      { uuid: r.gpu_uuid, hostname: r.name, index: -1, model: "", memoryMiB: 0, pciBusId: null },
      line,
    );
    merge(
      gpu,
      {
        hostname: r.name,
        index: r.gpu_index,
        model: r.gpu_model,
        memoryMiB: r.gpu_memory_mib,
        pciBusId: r.gpu_pci_bus_id,
      },
      line,
      `GPU ${r.gpu_uuid}`,
      errors,
    );
    if (gpu.isNew && (!r.gpu_model || r.gpu_memory_mib === undefined) && !gpu.from.has("model")) {
      errors.push({ line, message: `GPU ${r.gpu_uuid}: gpu_model and gpu_memory_mib are required for a new GPU` });
    }
  }
  return { sites, racks, servers, gpus };
}

/** Servers per rack after the import: untouched ones stay where they are. */
function checkPlacement(
  racks: Map<string, Entity<RackState>>,
  servers: Map<string, Entity<ServerState>>,
  fleet: FleetState,
  errors: LineError[],
): void {
  const byRack = new Map<string, { slot: Slot; line: number | null }[]>();
  for (const s of fleet.servers.values())
    if (!servers.has(s.hostname)) push(byRack, s.rackKey, { slot: s, line: null });
  for (const e of servers.values()) push(byRack, e.value.rackKey, { slot: e.value, line: e.line });
  for (const [rackKey, slots] of byRack) {
    const rack = racks.get(rackKey)?.value ?? fleet.racks.get(rackKey);
    if (!rack) continue;
    const placed: Slot[] = [];
    for (const { slot, line } of slots.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      if (slot.positionU === 0) continue; // a new server without a position, reported already
      const errLine = line ?? racks.get(rackKey)?.line ?? 0;
      const outside = outOfRackReason(slot, rackKey, rack.heightU);
      const clash = findOverlap(slot, placed);
      if (outside) errors.push({ line: errLine, message: outside });
      else if (clash) errors.push({ line: errLine, message: overlapReason(slot, clash, rackKey) });
      placed.push(slot);
    }
  }
}

function checkGpuIndexes(gpus: Map<string, Entity<GpuState>>, fleet: FleetState, errors: LineError[]): void {
  const taken = new Map<string, string>();
  for (const g of fleet.gpus.values()) if (!gpus.has(g.uuid)) taken.set(`${g.hostname}#${g.index}`, g.uuid);
  for (const e of [...gpus.values()].sort((a, b) => a.line - b.line)) {
    const key = `${e.value.hostname}#${e.value.index}`;
    const holder = taken.get(key);
    if (holder)
      errors.push({
        line: e.line,
        message: `GPU ${e.value.uuid}: ${e.value.hostname} already has GPU index ${e.value.index} (${holder})`,
      });
    else taken.set(key, e.value.uuid);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function changes<T extends object>(entities: Map<string, Entity<T>>, existing: Map<string, T>): Change<T> {
  const out: Change<T> = { create: [], update: [] };
  for (const [key, e] of entities) {
    if (e.isNew) out.create.push(e.value);
    else if (!sameValues(existing.get(key)!, e.value)) out.update.push(e.value);
  }
  return out;
}

function sameValues<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as (keyof T)[]).every((k) => a[k] === b[k]);
}

export function planImport(rows: NumberedRow[], fleet: FleetState): { errors: LineError[]; plan: ImportPlan } {
  const errors: LineError[] = [];
  const merged = collect(rows, fleet, errors);
  checkPlacement(merged.racks, merged.servers, fleet, errors);
  checkGpuIndexes(merged.gpus, fleet, errors);
  const plan = {
    sites: changes(merged.sites, fleet.sites),
    racks: changes(merged.racks, fleet.racks),
    servers: changes(merged.servers, fleet.servers),
    gpus: changes(merged.gpus, fleet.gpus),
  };
  return { errors: errors.sort((a, b) => a.line - b.line), plan };
}
