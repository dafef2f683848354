import * as contracts from "@/lib/http/contracts/faults";
import { defineRoute } from "@/lib/http/route";
import { applyFaultAction, getNodeFault } from "@/lib/faults/node-faults";

export const GET = defineRoute(contracts.getNodeFault, async ({ params }) => getNodeFault(params.hostname));

export const POST = defineRoute(contracts.applyFaultAction, async ({ params, body, user }) =>
  applyFaultAction(params.hostname, body, user),
);
