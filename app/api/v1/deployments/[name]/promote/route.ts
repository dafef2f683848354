import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { promoteCanary } from "@/lib/deployments/canary";

export const POST = defineRoute(contracts.promoteDeployment, async ({ params, body, user }) =>
  promoteCanary(params.name, body.note, user),
);
