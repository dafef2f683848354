import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { deleteSite, getSite, updateSite } from "@/lib/inventory/sites";

export const GET = defineRoute(contracts.getSite, async ({ params }) => getSite(params.name));

export const PATCH = defineRoute(contracts.updateSite, async ({ params, body, user }) =>
  updateSite(params.name, body, user),
);

export const DELETE = defineRoute(contracts.deleteSite, async ({ params, user }) => deleteSite(params.name, user));
