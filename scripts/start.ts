/**
 * `npm start`: the launcher. Builds the web app if needed, starts the embedded
 * PGlite database when DATABASE_URL is unset, applies migrations, seeds an empty
 * database, then runs the web app and a job worker until SIGINT/SIGTERM.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { getConfig, resetConfig } from "../lib/config";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrations";
import { getCodeVersion } from "../lib/models/code-version";
import { logger } from "../lib/observability/logger";
import { ensureBuild } from "./launcher/build";
import { startChild, startSupervisedChild, stopChildren, waitForHttp, type Child } from "./launcher/children";
import { formatCredentials, prepareDatabase } from "./launcher/prepare-database";

const root = path.resolve(import.meta.dirname, "..");
const log = logger.child({ process: "launcher" });

async function main(): Promise<void> {
  const config = getConfig();
  // The code version is read once, at start, beside the build it matches: a
  // checkout pulled while Rackmind runs must not be recorded as the code of
  // the models trained by the processes still running the old one.
  const code = getCodeVersion(root);
  ensureBuild(root, (msg) => log.info(msg));
  log.info(code, "code version");

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  const kind = databaseUrl ? "postgres" : "pglite";
  if (!databaseUrl) {
    const port = process.env.RACKMIND_PGLITE_PORT ? Number(process.env.RACKMIND_PGLITE_PORT) : 0;
    embedded = await startEmbeddedDatabase({ dataDir: config.RACKMIND_DATA_DIR, port });
    databaseUrl = embedded.url;
    log.info(
      { dataDir: path.resolve(config.RACKMIND_DATA_DIR), url: databaseUrl },
      "embedded PGlite database is serving",
    );
  }
  process.env.DATABASE_URL = databaseUrl;
  process.env.RACKMIND_DB_KIND = kind;
  resetConfig();

  const migrated = await applyMigrations(databaseUrl, path.join(root, "prisma/migrations"));
  log.info(migrated, "migrations applied");
  const { credentials, seeded } = await prepareDatabase();
  if (seeded) log.info(seeded, "seeded the demo fleet");

  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RACKMIND_DB_KIND: kind,
    NEXT_TELEMETRY_DISABLED: "1",
    RACKMIND_CODE_VERSION: JSON.stringify(code),
    // The web app forwards its users' predictions to the serving process with this (new at every start).
    RACKMIND_INTERNAL_SECRET: process.env.RACKMIND_INTERNAL_SECRET ?? randomBytes(32).toString("base64url"),
  };
  const logChild = (msg: string, fields: Record<string, unknown>) => log.warn(fields, msg);
  const tsxArgs = (entry: string) => ["--conditions=react-server", "--import", "tsx", path.join(root, entry)];
  const children: Child[] = [
    startChild(
      "web",
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(config.PORT)],
      { ...childEnv, RACKMIND_PROCESS: "web" },
    ),
    // The worker and the serving process are restarted when they die: a worker's
    // jobs resume from their checkpoints, and serving reloads its deployments.
    startSupervisedChild(
      "worker",
      process.execPath,
      tsxArgs("worker/main.ts"),
      { ...childEnv, RACKMIND_PROCESS: "worker" },
      logChild,
    ),
    startSupervisedChild(
      "serving",
      process.execPath,
      tsxArgs("serving/main.ts"),
      { ...childEnv, RACKMIND_PROCESS: "serving" },
      logChild,
    ),
  ];

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, "stopping");
    await stopChildren(children, 15_000);
    await embedded?.stop();
    log.info("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  for (const c of children) {
    void c.exited.then((code) => void shutdown(`${c.name} exited with code ${code}`, code === 0 ? 1 : (code ?? 1)));
  }

  const web = children[0]!;
  await waitForHttp(`http://127.0.0.1:${config.PORT}/api/health`, 120_000, () => web.proc.exitCode !== null);
  process.stdout.write(formatCredentials(credentials));
  process.stdout.write(`\n  Rackmind is running at http://localhost:${config.PORT} (database: ${kind})\n\n`);
}

main().catch((err) => {
  log.fatal({ err }, "start failed");
  process.exit(1);
});
