import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { getDeployment, updateDeployment } from "@/lib/deployments/deployments";

export const GET = defineRoute(contracts.getDeployment, async ({ params }) => getDeployment(params.name));

export const PATCH = defineRoute(contracts.updateDeployment, async ({ params, body, user }) =>
  updateDeployment(params.name, body, user),
);
