import { db, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors";
import { planImport, type FleetState, type ImportPlan } from "./import-plan";
import { readInventoryCsv, writeInventoryCsv } from "./inventory-csv";

export type ImportResult = {
  created: number;
  updated: number;
  rows: number;
  sites: { created: number; updated: number };
  racks: { created: number; updated: number };
  servers: { created: number; updated: number };
  gpus: { created: number; updated: number };
};

/** The inventory as natural keys → attributes, the shape the CSV speaks. */
export async function loadFleetState(client: Tx | typeof db = db): Promise<FleetState> {
  // One after another: inside a transaction they share one connection.
  const sites = await client.site.findMany();
  const racks = await client.rack.findMany({ include: { site: { select: { name: true } } } });
  const servers = await client.server.findMany({
    include: { rack: { select: { name: true, site: { select: { name: true } } } } },
  });
  const gpus = await client.gpu.findMany({ include: { server: { select: { hostname: true } } } });
  return {
    sites: new Map(
      sites.map((s) => [
        s.name,
        {
          name: s.name,
          timezone: s.timezone,
          currency: s.currency,
          tariffPerKwh: s.tariffPerKwh?.toNumber() ?? null,
          carbonGPerKwh: s.carbonGPerKwh?.toNumber() ?? null,
        },
      ]),
    ),
    racks: new Map(
      racks.map((r) => [
        `${r.site.name}/${r.name}`,
        { site: r.site.name, name: r.name, heightU: r.heightU, powerCapKw: r.powerCapKw?.toNumber() ?? null },
      ]),
    ),
    servers: new Map(
      servers.map((s) => [
        s.hostname,
        {
          hostname: s.hostname,
          rackKey: `${s.rack.site.name}/${s.rack.name}`,
          positionU: s.positionU,
          heightU: s.heightU,
          model: s.model,
          serial: s.serial,
          status: s.status,
        },
      ]),
    ),
    gpus: new Map(
      gpus.map((g) => [
        g.uuid,
        {
          uuid: g.uuid,
          hostname: g.server.hostname,
          index: g.index,
          model: g.model,
          memoryMiB: g.memoryMiB,
          pciBusId: g.pciBusId,
        },
      ]),
    ),
  };
}

export async function exportInventory(): Promise<string> {
  return writeInventoryCsv(await loadFleetState());
}

/**
 * Imports inventory CSV all-or-nothing: any bad row is a 422 listing every bad
 * line, and nothing is written. Existing entities are matched by natural key
 * (site name, site/rack, hostname, GPU UUID) and updated; nothing is deleted.
 */
export async function importInventory(csv: string, actor: Principal): Promise<ImportResult> {
  const { rows, errors: rowErrors } = readInventoryCsv(csv);
  // Without a single valid row there is nothing to check against the fleet.
  if (rowErrors.length && rows.length === 0) throw invalid(rowErrors);
  // One transaction, long enough for a fleet-sized file; the table locks keep
  // API writes from changing placements between the checks and the writes.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`LOCK TABLE "Site", "Rack", "Server", "Gpu" IN SHARE ROW EXCLUSIVE MODE`);
      // The valid rows are still planned so one answer lists every problem.
      const { errors, plan } = planImport(rows, await loadFleetState(tx));
      if (errors.length || rowErrors.length) throw invalid([...rowErrors, ...errors].sort((a, b) => a.line - b.line));
      await applyPlan(tx, plan);
      const result = summarise(plan, rows.length);
      await recordAudit(tx, actor, { action: "inventory.import", target: "inventory:csv", details: result });
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function invalid(errors: { line: number; message: string }[]): AppError {
  const lines = new Set(errors.map((e) => e.line)).size;
  return new AppError(
    "unprocessable_entity",
    `The CSV has problems on ${lines} line${lines === 1 ? "" : "s"}; nothing was imported`,
    errors,
  );
}

function summarise(plan: ImportPlan, rows: number): ImportResult {
  const count = (c: { create: unknown[]; update: unknown[] }) => ({
    created: c.create.length,
    updated: c.update.length,
  });
  const parts = {
    sites: count(plan.sites),
    racks: count(plan.racks),
    servers: count(plan.servers),
    gpus: count(plan.gpus),
  };
  const all = Object.values(parts);
  return {
    created: all.reduce((n, p) => n + p.created, 0),
    updated: all.reduce((n, p) => n + p.updated, 0),
    rows,
    ...parts,
  };
}

async function applyPlan(tx: Tx, plan: ImportPlan): Promise<void> {
  await tx.site.createMany({ data: plan.sites.create });
  for (const s of plan.sites.update) await tx.site.update({ where: { name: s.name }, data: s });
  const siteIds = new Map((await tx.site.findMany({ select: { id: true, name: true } })).map((s) => [s.name, s.id]));

  await tx.rack.createMany({ data: plan.racks.create.map(({ site, ...r }) => ({ ...r, siteId: siteIds.get(site)! })) });
  for (const { site, name, ...r } of plan.racks.update)
    await tx.rack.update({ where: { siteId_name: { siteId: siteIds.get(site)!, name } }, data: r });
  const rackIds = new Map(
    (await tx.rack.findMany({ select: { id: true, name: true, site: { select: { name: true } } } })).map((r) => [
      `${r.site.name}/${r.name}`,
      r.id,
    ]),
  );

  await tx.server.createMany({
    data: plan.servers.create.map(({ rackKey, ...s }) => ({ ...s, rackId: rackIds.get(rackKey)! })),
  });
  for (const { rackKey, ...s } of plan.servers.update)
    await tx.server.update({ where: { hostname: s.hostname }, data: { ...s, rackId: rackIds.get(rackKey)! } });
  const serverIds = new Map(
    (await tx.server.findMany({ select: { id: true, hostname: true } })).map((s) => [s.hostname, s.id]),
  );

  // Moving GPUs may swap indexes on a server: park them on unique negative
  // indexes first so the (serverId, index) constraint never sees a duplicate.
  for (const [i, g] of plan.gpus.update.entries())
    await tx.gpu.update({ where: { uuid: g.uuid }, data: { index: -1 - i } });
  for (const { hostname, ...g } of plan.gpus.update)
    await tx.gpu.update({ where: { uuid: g.uuid }, data: { ...g, serverId: serverIds.get(hostname)! } });
  await tx.gpu.createMany({
    data: plan.gpus.create.map(({ hostname, ...g }) => ({ ...g, serverId: serverIds.get(hostname)! })),
  });
}
