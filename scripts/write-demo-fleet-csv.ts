/**
 * Regenerates docs/examples/demo-fleet.csv: the demo fleet as inventory CSV, made
 * by seeding an in-memory database and exporting it through the real code.
 * (tests/integration/inventory/import-export.test.ts checks the file is current.)
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrations";

const database = await startEmbeddedDatabase({ dataDir: null });
await applyMigrations(database.url, path.resolve(import.meta.dirname, "../prisma/migrations"));
process.env.DATABASE_URL = database.url;
const { seedDemoFleet } = await import("../lib/demo/demo-fleet");
const { exportInventory } = await import("../lib/inventory/inventory-transfer");
const { disconnectDb } = await import("../lib/db");
await seedDemoFleet();
const out = path.resolve(import.meta.dirname, "../docs/examples/demo-fleet.csv");
writeFileSync(out, await exportInventory());
await disconnectDb();
await database.stop();
console.log(`wrote ${out}`);
