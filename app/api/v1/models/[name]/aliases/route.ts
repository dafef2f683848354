import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { listAliases } from "@/lib/models/aliases";

export const GET = defineRoute(contracts.listAliases, async ({ params }) => ({
  items: await listAliases(params.name),
}));
