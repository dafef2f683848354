import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { listPromotions } from "@/lib/models/promotions";

export const GET = defineRoute(contracts.listPromotions, async ({ params, query }) => ({
  items: await listPromotions(params.name, query.status),
}));
