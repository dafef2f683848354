import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { approvePromotion } from "@/lib/models/promotions";

export const POST = defineRoute(contracts.approvePromotion, async ({ params, body, user }) =>
  approvePromotion(params.name, params.id, body.note, user),
);
