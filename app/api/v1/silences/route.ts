import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { createSilence, listSilences } from "@/lib/alerts/silences";

export const GET = defineRoute(contracts.listSilences, async ({ query }) => listSilences(query));

export const POST = defineRoute(contracts.createSilence, async ({ body, user }) => createSilence(body, user));
