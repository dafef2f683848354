import { revokeApiToken } from "@/lib/auth/tokens";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";

export const DELETE = defineRoute(contracts.revokeToken, async ({ params, user }) => revokeApiToken(params.id, user));
