import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { getEnergyBreakdown } from "@/lib/energy/reports/breakdown";

export const GET = defineRoute(contracts.getBreakdown, async ({ query }) => getEnergyBreakdown(query));
