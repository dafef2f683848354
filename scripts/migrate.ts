/** `npm run migrate`: applies pending migrations to DATABASE_URL (what `npm start` does first). */
import { getConfig } from "../lib/config";
import { applyMigrations } from "../lib/database/migrations";

const url = getConfig().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (The embedded database is migrated by `npm start`.)");
  process.exit(2);
}
const result = await applyMigrations(url);
console.log(JSON.stringify(result));
