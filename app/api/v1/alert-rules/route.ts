import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { createAlertRule, listAlertRules } from "@/lib/alerts/rules";

export const GET = defineRoute(contracts.listAlertRules, async () => listAlertRules());

export const POST = defineRoute(contracts.createAlertRule, async ({ body, user }) => createAlertRule(body, user));
