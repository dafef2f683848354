import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { expireSilence, getSilence } from "@/lib/alerts/silences";

export const GET = defineRoute(contracts.getSilence, async ({ params }) => getSilence(params.id));

export const DELETE = defineRoute(contracts.expireSilence, async ({ params, user }) => expireSilence(params.id, user));
