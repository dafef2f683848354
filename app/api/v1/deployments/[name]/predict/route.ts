import * as contracts from "@/lib/http/contracts/deployments";
import { defineRoute } from "@/lib/http/route";
import { forwardPredict } from "@/lib/http/serving-forward";

// TF.js never loads in the web process: the serving process predicts, this forwards.
export const POST = defineRoute(contracts.predict, async ({ params, body, user }) =>
  forwardPredict(params.name, body, user),
);
