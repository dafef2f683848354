import type pg from "pg";

/**
 * Maps dcgm labels to GPU ids: by UUID, else by Hostname + gpu index. The map
 * is reloaded only when the inventory changed — one read per batch of the
 * revision that triggers bump on every change that matters here (migration
 * 20261128100000) — so every process, web or worker, sees a GPU the moment it
 * is registered, moved or removed.
 */
type Directory = { byUuid: Map<string, string>; byHostIndex: Map<string, string>; version: string };

let directory: Directory | null = null;

async function inventoryVersion(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ v: string }>(
    `SELECT "revision"::text AS v FROM "InventoryRevision" WHERE "id" = 1`,
  );
  return rows[0]!.v;
}

async function load(pool: pg.Pool, version: string): Promise<Directory> {
  const { rows } = await pool.query<{ id: string; uuid: string; hostname: string; index: number }>(
    `SELECT g.id, g.uuid, s.hostname, g.index FROM "Gpu" g JOIN "Server" s ON s.id = g."serverId"`,
  );
  const byUuid = new Map<string, string>();
  const byHostIndex = new Map<string, string>();
  for (const r of rows) {
    byUuid.set(r.uuid, r.id);
    byHostIndex.set(`${r.hostname}#${r.index}`, r.id);
  }
  return { byUuid, byHostIndex, version };
}

export type GpuLookup = (
  uuid: string | undefined,
  hostname: string | undefined,
  index: string | undefined,
) => string | undefined;

/** A lookup function valid for one batch. */
export async function gpuLookup(pool: pg.Pool): Promise<GpuLookup> {
  const version = await inventoryVersion(pool);
  if (directory?.version !== version) directory = await load(pool, version);
  const d = directory;
  return (uuid, hostname, index) =>
    (uuid ? d.byUuid.get(uuid) : undefined) ??
    (hostname && index !== undefined ? d.byHostIndex.get(`${hostname}#${index}`) : undefined);
}
