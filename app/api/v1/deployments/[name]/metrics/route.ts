import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { getDeploymentMetrics } from "@/lib/deployments/metrics";

export const GET = defineRoute(contracts.deploymentMetrics, async ({ params, query }) =>
  getDeploymentMetrics(params.name, query.windowMinutes),
);
