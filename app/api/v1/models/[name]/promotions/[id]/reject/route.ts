import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { rejectPromotion } from "@/lib/models/promotions";

export const POST = defineRoute(contracts.rejectPromotion, async ({ params, body, user }) =>
  rejectPromotion(params.name, params.id, body.note, user),
);
