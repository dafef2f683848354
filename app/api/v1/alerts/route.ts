import * as contracts from "@/lib/http/contracts/alerts";
import { defineRoute } from "@/lib/http/route";
import { listAlerts } from "@/lib/alerts/alerts";

export const GET = defineRoute(contracts.listAlerts, async ({ query }) => listAlerts(query));
