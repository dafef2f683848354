import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { getAlias, moveAlias, removeAlias } from "@/lib/models/aliases";
import { getPromotion, requestPromotion } from "@/lib/models/promotions";

export const GET = defineRoute(contracts.getAlias, async ({ params }) => getAlias(params.name, params.alias));

export const PUT = defineRoute(contracts.moveAlias, async ({ params, body, user }) => {
  const result = await moveAlias(params.name, params.alias, body, user, (modelId) =>
    requestPromotion(modelId, params.name, params.alias, body.version, body.note!, user),
  );
  if (result.kind === "moved") return result.alias;
  // Accepted, not done: the move waits for a second admin.
  return Response.json(await getPromotion(params.name, result.requestId), { status: 202 });
});

export const DELETE = defineRoute(contracts.removeAlias, async ({ params, query, user }) => {
  await removeAlias(params.name, params.alias, query.note, user);
});
