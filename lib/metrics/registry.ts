import { Registry } from "prom-client";

/**
 * Rackmind's own Prometheus registry. Gauges read the database at scrape time
 * (collect callbacks), so every web instance reports the same fleet; counters
 * count what this process did. Modules register themselves; exposition.ts
 * imports them all.
 */
export const registry = new Registry();
