/**
 * inventory-import: POST /api/v1/inventory/import of a 1,000-server / 8,000-GPU
 * CSV through the route handler (parse, validate every row, plan against the
 * fleet, one transaction, audit) on the embedded PGlite database, against the
 * baseline of inserting the same sites, racks, servers and GPUs with plain
 * multi-row INSERTs over `pg` into a second fresh database.
 * ratio = baseline ms / import ms (1.0 = no overhead over bare inserts).
 */
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrations";

const SERVERS = 1000;
const GPUS = 8;
const PER_RACK = 10;

function fleetCsv(): string {
  const header =
    "site,rack,rack_u_height,name,position,u_height,device_type,status,gpu_uuid,gpu_index,gpu_model,gpu_memory_mib";
  const lines = [header];
  for (let s = 0; s < SERVERS; s++) {
    const rack = `r${String(Math.floor(s / PER_RACK)).padStart(3, "0")}`;
    for (let g = 0; g < GPUS; g++) {
      const uuid = `GPU-${String(s).padStart(8, "0")}-0000-0000-0000-${String(g).padStart(12, "0")}`;
      lines.push(
        `bench,${rack},42,node-${String(s).padStart(5, "0")},${1 + (s % PER_RACK) * 4},4,HGX,active,${uuid},${g},NVIDIA H100 80GB HBM3,81559`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

async function baseline(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  await c.query("BEGIN");
  const site = (await c.query(`INSERT INTO "Site" (name) VALUES ('bench') RETURNING id`)).rows[0].id;
  await c.query(
    `INSERT INTO "Rack" ("siteId", name) SELECT $1, 'r' || lpad(g::text, 3, '0') FROM generate_series(0, ${SERVERS / PER_RACK - 1}) g`,
    [site],
  );
  const servers = Array.from({ length: SERVERS }, (_, s) => [
    `node-${String(s).padStart(5, "0")}`,
    `r${String(Math.floor(s / PER_RACK)).padStart(3, "0")}`,
    1 + (s % PER_RACK) * 4,
  ]);
  await c.query(
    `INSERT INTO "Server" (hostname, "rackId", "positionU", "heightU", model)
    SELECT h, (SELECT id FROM "Rack" WHERE name = r), p, 4, 'HGX' FROM unnest($1::text[], $2::text[], $3::int[]) AS t(h, r, p)`,
    [servers.map((x) => x[0]), servers.map((x) => x[1]), servers.map((x) => x[2])],
  );
  await c.query(`INSERT INTO "Gpu" (uuid, "serverId", index, model, "memoryMiB")
    SELECT 'GPU-' || lpad(substr(s.hostname, 6)::int::text, 8, '0') || '-0000-0000-0000-' || lpad(g::text, 12, '0'), s.id, g, 'NVIDIA H100 80GB HBM3', 81559
    FROM "Server" s, generate_series(0, ${GPUS - 1}) g`);
  await c.query("COMMIT");
  const ms = performance.now() - t0;
  await c.end();
  return ms;
}

export async function run() {
  const csv = fleetCsv();
  const base = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(base.url);
  const baselineMs = await baseline(base.url);
  await base.stop();

  const database = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.RACKMIND_DB_KIND = "pglite";
  const { createApiToken } = await import("../lib/auth/tokens");
  const { systemPrincipal } = await import("../lib/auth/principal");
  const { POST } = await import("../app/api/v1/inventory/import/route");
  const { token } = await createApiToken({ name: "bench", role: "operator" }, systemPrincipal);
  const request = () =>
    new Request("http://bench/api/v1/inventory/import", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: csv,
    });
  const t0 = performance.now();
  const res = await POST(request(), { params: Promise.resolve({}) });
  const importMs = performance.now() - t0;
  const body = (await res.json()) as { created: number };
  if (res.status !== 200 || body.created !== 1 + SERVERS / PER_RACK + SERVERS + SERVERS * GPUS)
    throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  const t1 = performance.now();
  const again = await POST(request(), { params: Promise.resolve({}) });
  const reimportMs = performance.now() - t1;
  if (((await again.json()) as { updated: number }).updated !== 0) throw new Error("re-import changed something");
  const { disconnectDb } = await import("../lib/db");
  await disconnectDb();
  await database.stop();
  return {
    ratio: Math.round((baselineMs / importMs) * 1000) / 1000,
    rows: SERVERS * GPUS,
    csvBytes: csv.length,
    database: "pglite",
    importMs: Math.round(importMs),
    unchangedReimportMs: Math.round(reimportMs),
    baselineInsertMs: Math.round(baselineMs),
  };
}
