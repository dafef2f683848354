import { makePgliteTemplates } from "./pglite-templates";
import { dropOrphanedTestDatabases, migrationsDir } from "./test-database";

/** vitest globalSetup: builds the PGlite templates every integration file starts from; afterwards, sweeps leftover server databases. */
export default async function setup(): Promise<() => Promise<void>> {
  await makePgliteTemplates(migrationsDir);
  return async () => {
    await dropOrphanedTestDatabases();
  };
}
