/**
 * `npm run serve`: the serving data plane — a lean node:http process that
 * answers predictions for the active deployments. `npm start` runs one beside
 * the web app and the worker; more can run on this or other machines against
 * the same DATABASE_URL (each on its own port), behind any load balancer.
 */
import { getConfig } from "../lib/config";
import { disconnectDb } from "../lib/db";
import { getCodeVersion } from "../lib/models/code-version";
import { logger } from "../lib/observability/logger";
import { loadTrainingBackend } from "../lib/training/backend/backend";
import { DeploymentCache } from "./deployment-cache";
import { Recorder } from "./recorder";
import { createServingServer } from "./server";
import { TokenCache } from "./token-cache";

const config = getConfig();
if (!config.DATABASE_URL) {
  logger.fatal("DATABASE_URL is not set. A separate serving process needs the database `npm start` uses.");
  process.exit(2);
}

const { tf, report } = await loadTrainingBackend(config.RACKMIND_SERVING_BACKEND ?? config.TFJS_BACKEND);
logger.info({ backend: report.backend, tried: report.tried, simd: report.simd }, "serving loaded its TF.js backend");

const cache = new DeploymentCache(
  tf,
  {
    maxBatch: config.RACKMIND_SERVING_MAX_BATCH,
    windowMs: config.RACKMIND_SERVING_BATCH_WINDOW_MS,
    latencyBudgetMs: config.RACKMIND_SERVING_LATENCY_BUDGET_MS,
  },
  config.RACKMIND_SERVING_FORWARD,
);
const recorder = new Recorder({ maxLoggedPerSecond: config.RACKMIND_PREDICTION_LOG_PER_SECOND });
const tokens = new TokenCache(config.RACKMIND_INTERNAL_SECRET ?? null);
await cache.sync();
cache.start();
recorder.start();
tokens.start();

const server = createServingServer({ cache, recorder, tokens, maxBodyBytes: config.RACKMIND_MAX_BODY_BYTES });
server.keepAliveTimeout = 65_000;
server.listen(config.RACKMIND_SERVING_PORT, () =>
  logger.info(
    { port: config.RACKMIND_SERVING_PORT, pid: process.pid, deployments: cache.all().length, code: getCodeVersion() },
    "serving started",
  ),
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "serving stopping");
  // Requests in flight finish (up to 5 s); idle keep-alive connections are closed at once.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
  server.closeAllConnections();
  cache.stop();
  tokens.stop();
  await recorder.stop();
  await disconnectDb();
  logger.info("serving stopped");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
