import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { listAlertGroups } from "@/lib/alerts/alerts";

export const GET = defineRoute(contracts.listAlertGroups, async ({ query }) => listAlertGroups(query.by));
