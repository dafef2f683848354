import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import * as contracts from "@/lib/http/contracts/auth";
import { defineRoute } from "@/lib/http/route";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listTokens, async () => wholePage(await listApiTokens()));

export const POST = defineRoute(contracts.createToken, async ({ body, user }) => createApiToken(body, user));
