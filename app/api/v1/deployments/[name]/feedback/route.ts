import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { recordFeedback } from "@/lib/deployments/feedback";

export const POST = defineRoute(contracts.sendFeedback, async ({ params, body, user }) =>
  recordFeedback(params.name, body, user),
);
