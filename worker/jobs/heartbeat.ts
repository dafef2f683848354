import { beat, HEARTBEAT_EVERY_MS } from "../../lib/observability/worker-heartbeat";
import type { PeriodicJob } from "../periodic";

/** This worker's sign of life for /api/health, under its lease owner id. */
export function heartbeatJob(owner: string): PeriodicJob {
  const startedAt = new Date();
  return { name: "worker.heartbeat", everyMs: HEARTBEAT_EVERY_MS, quiet: true, run: () => beat(owner, startedAt) };
}
