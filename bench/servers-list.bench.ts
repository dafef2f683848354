/**
 * servers-list: GET /api/v1/servers?limit=1000 through the real route handler
 * (token auth, zod, Prisma, JSON) on the embedded PGlite database, against the
 * baseline of one raw SQL query returning the same rows and counts over `pg`.
 * ratio = baseline p50 / API p50 (1.0 = no overhead over raw SQL).
 */
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrations";
import { percentile, time } from "./stats";

const SERVERS = 1000;
const GPUS_PER_SERVER = 8;

async function seed(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`INSERT INTO "Site" (name) VALUES ('bench')`);
  await c.query(
    `INSERT INTO "Rack" ("siteId", name, "heightU") SELECT id, 'r' || g, 42 FROM "Site", generate_series(1, ${SERVERS / 20}) g`,
  );
  await c.query(`INSERT INTO "Server" (hostname, "rackId", "positionU", "heightU", model)
    SELECT 'node-' || lpad(n::text, 5, '0'), (SELECT id FROM "Rack" WHERE name = 'r' || (1 + (n - 1) / 20)), 1 + ((n - 1) % 20) * 2, 2, 'bench-model'
    FROM generate_series(1, ${SERVERS}) n`);
  await c.query(`INSERT INTO "Gpu" (uuid, "serverId", index, model, "memoryMiB")
    SELECT 'GPU-' || s.hostname || '-' || g, s.id, g, 'NVIDIA H100 80GB HBM3', 81559 FROM "Server" s, generate_series(0, ${GPUS_PER_SERVER - 1}) g`);
  await c.end();
}

export async function run() {
  const database = await startEmbeddedDatabase({ dataDir: null });
  await applyMigrations(database.url);
  await seed(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.RACKMIND_DB_KIND = "pglite";
  const { createApiToken } = await import("../lib/auth/tokens");
  const { systemPrincipal } = await import("../lib/auth/principal");
  const { GET } = await import("../app/api/v1/servers/route");
  const { token } = await createApiToken({ name: "bench", role: "viewer" }, systemPrincipal);

  const viaApi = async () => {
    const res = await GET(
      new Request("http://bench/api/v1/servers?limit=1000", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    );
    const body = (await res.json()) as { items: unknown[] };
    if (body.items.length !== SERVERS) throw new Error(`expected ${SERVERS} servers, got ${body.items.length}`);
  };
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  const viaSql = async () => {
    const { rows } =
      await raw.query(`SELECT s.*, r.name AS rack, si.name AS site, (SELECT count(*) FROM "Gpu" g WHERE g."serverId" = s.id) AS "gpuCount"
      FROM "Server" s JOIN "Rack" r ON r.id = s."rackId" JOIN "Site" si ON si.id = r."siteId" ORDER BY s.hostname LIMIT 1001`);
    JSON.stringify(rows);
  };
  const api = await time(viaApi, 30);
  const sql = await time(viaSql, 30);
  await raw.end();
  const { disconnectDb } = await import("../lib/db");
  await disconnectDb();
  await database.stop();
  const apiP50 = percentile(api, 50);
  const sqlP50 = percentile(sql, 50);
  return {
    ratio: Math.round((sqlP50 / apiP50) * 1000) / 1000,
    servers: SERVERS,
    gpus: SERVERS * GPUS_PER_SERVER,
    database: "pglite",
    apiMs: { p50: apiP50, p95: percentile(api, 95) },
    baselineRawSqlMs: { p50: sqlP50, p95: percentile(sql, 95) },
  };
}
