import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { getTariff, putTariff } from "@/lib/energy/pricing/tariff-settings";

export const GET = defineRoute(contracts.getTariff, async ({ params }) => getTariff(params.site));

export const PUT = defineRoute(contracts.putTariff, async ({ params, body, user }) =>
  putTariff(params.site, body, user),
);
