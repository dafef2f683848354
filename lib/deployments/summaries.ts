/**
 * The deployments list as an operator reads it: each deployment with the
 * headline figures of its window (requests, error rate, p95, drift, live
 * accuracy), read through the same service the metrics endpoint answers with,
 * so the list and a deployment's page never disagree.
 */
import { listDeployments } from "./deployments";
import { getDeploymentMetrics, type DeploymentMetrics } from "./metrics";
import type { DeploymentOut } from "./outputs";

export type DeploymentSummary = {
  deployment: DeploymentOut;
  figures: Pick<DeploymentMetrics, "from" | "to" | "requests" | "errors" | "errorRate" | "latencyMs" | "accuracy"> & {
    drift: Omit<DeploymentMetrics["driftDetail"], "features"> & { features: number };
  };
};

/** Every deployment with its figures over the last `windowMinutes`. */
export async function listDeploymentSummaries(windowMinutes = 60, now = new Date()): Promise<DeploymentSummary[]> {
  const deployments = await listDeployments();
  const summaries: DeploymentSummary[] = [];
  // One at a time: on PGlite every query shares one session, so a parallel fan-out only queues.
  for (const deployment of deployments) {
    const m = await getDeploymentMetrics(deployment.name, windowMinutes, now);
    const { features, ...drift } = m.driftDetail;
    summaries.push({
      deployment,
      figures: {
        from: m.from,
        to: m.to,
        requests: m.requests,
        errors: m.errors,
        errorRate: m.errorRate,
        latencyMs: m.latencyMs,
        accuracy: m.accuracy,
        drift: { ...drift, features: features.length },
      },
    });
  }
  return summaries;
}
