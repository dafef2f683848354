/**
 * `npm run worker`: a worker process. `npm start` runs one; more can run on this
 * or other machines against the same DATABASE_URL.
 */
import { getConfig } from "../lib/config";
import { disconnectDb } from "../lib/db";
import { getCodeVersion } from "../lib/models/code-version";
import { logger } from "../lib/observability/logger";
import { AlertDeliveryJob, AlertEvaluationJob } from "./jobs/alerts";
import { DemoTelemetryJob } from "./jobs/demo-telemetry";
import { FaultWorkflowJob } from "./jobs/faults";
import { heartbeatJob } from "./jobs/heartbeat";
import { CanaryGatesJob, ServingRetentionJob } from "./jobs/deployments";
import { RegisterMissingVersionsJob } from "./jobs/model-registry";
import { PruneSessionsJob } from "./jobs/prune-sessions";
import {
  ScrapeTargetsJob,
  SiteGpuPowerJob,
  TelemetryFoldJob,
  TelemetryHoursJob,
  TelemetryStorageJob,
} from "./jobs/telemetry";
import { startPeriodic } from "./periodic";
import { startJobWorker } from "./queue";

if (!getConfig().DATABASE_URL) {
  logger.fatal(
    "DATABASE_URL is not set. A separate worker needs a PostgreSQL server (or the embedded database URL that `npm start` logs).",
  );
  process.exit(2);
}

// Read now, not at the first registration: the checkout may move on while this worker runs.
const code = getCodeVersion();

const periodic = startPeriodic([
  PruneSessionsJob,
  ScrapeTargetsJob,
  TelemetryFoldJob,
  TelemetryHoursJob,
  SiteGpuPowerJob,
  TelemetryStorageJob,
  DemoTelemetryJob,
  RegisterMissingVersionsJob,
  CanaryGatesJob,
  ServingRetentionJob,
  AlertEvaluationJob,
  AlertDeliveryJob,
  FaultWorkflowJob,
]);
// Training and evaluation jobs: pg-boss run messages and the scheduling passes (worker/queue.ts).
const jobs = await startJobWorker();
const heartbeat = startPeriodic([heartbeatJob(jobs.owner)]);
logger.info({ pid: process.pid, owner: jobs.owner, code }, "worker started");

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker stopping");
  await jobs.stop();
  await periodic.stop();
  await heartbeat.stop();
  await disconnectDb();
  logger.info("worker stopped");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
