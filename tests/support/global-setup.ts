import { makePgliteTemplates } from "./pglite-templates";
import { migrationsDir } from "./test-database";

/** vitest globalSetup: builds the PGlite templates every integration file starts from. */
export default async function setup(): Promise<void> {
  await makePgliteTemplates(migrationsDir);
}
