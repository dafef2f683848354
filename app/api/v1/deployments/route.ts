import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { createDeployment, listDeployments } from "@/lib/deployments/deployments";

export const GET = defineRoute(contracts.listDeployments, async () => ({
  items: await listDeployments(),
  nextCursor: null,
}));

export const POST = defineRoute(contracts.createDeployment, async ({ body, user }) => createDeployment(body, user));
