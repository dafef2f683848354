import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { aliasAt, listAliasMoves } from "@/lib/models/alias-ledger";

export const GET = defineRoute(contracts.aliasHistory, async ({ params, query }) =>
  query.at ? aliasAt(params.name, params.alias, new Date(query.at)) : listAliasMoves(params.name, params.alias, query),
);
