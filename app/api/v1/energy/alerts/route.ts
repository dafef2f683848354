import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { findEnergyAlerts } from "@/lib/energy/reports/alerts";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listEnergyAlerts, async ({ query }) =>
  wholePage(await findEnergyAlerts(query)),
);
