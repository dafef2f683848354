import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { rollbackDeployment } from "@/lib/deployments/canary";

export const POST = defineRoute(contracts.rollbackDeployment, async ({ params, body, user }) =>
  rollbackDeployment(params.name, body.note, user),
);
