import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { setAliasPolicy } from "@/lib/models/aliases";

export const PUT = defineRoute(contracts.setAliasPolicy, async ({ params, body, user }) =>
  setAliasPolicy(params.name, params.alias, body, user),
);
