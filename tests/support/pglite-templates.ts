import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { applyMigrations } from "../../lib/database/migrations";

// A fresh PGlite runs initdb (~4 s here); loading a dump takes ~0.7 s. The vitest
// global setup makes an empty and a migrated dump once per run.
const dir = path.resolve(import.meta.dirname, "../../.test-tmp");
export const templatePath = (name: "empty" | "migrated") => path.join(dir, `pglite-${name}.tar`);

export async function makePgliteTemplates(migrationsDir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create();
  await writeFile(templatePath("empty"), Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0 });
  await server.start();
  await applyMigrations(`postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`, migrationsDir);
  await server.stop();
  await writeFile(templatePath("migrated"), Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
}

export async function loadPgliteTemplate(name: "empty" | "migrated"): Promise<Blob | undefined> {
  const file = templatePath(name);
  return existsSync(file) ? new Blob([await readFile(file)]) : undefined;
}
