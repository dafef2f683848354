import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { listDeliveries } from "@/lib/alerts/notify/receivers";

export const GET = defineRoute(contracts.listDeliveries, async ({ params, query }) =>
  listDeliveries(params.name, query),
);
