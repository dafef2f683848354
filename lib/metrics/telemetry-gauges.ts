import { Gauge } from "prom-client";
import { getPool } from "../database/pool";
import { pendingSampleCount } from "../telemetry/store/fold-statements";
import { registry } from "./registry";

// How far rollups, latest values and health trail ingest: a backlog that keeps
// growing means the fold cannot keep up (add a worker, or scrape less often).
new Gauge({
  name: "rackmind_telemetry_fold_backlog_samples",
  help: "Stored samples not yet folded into rollups, latest values and health.",
  registers: [registry],
  async collect() {
    this.set(await pendingSampleCount(getPool()));
  },
});
