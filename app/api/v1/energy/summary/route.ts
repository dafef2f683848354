import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { getEnergySummary } from "@/lib/energy/reports/summary";
import { csvSummaryResponse } from "./csv-response";

export const GET = defineRoute(contracts.getSummary, async ({ query }) =>
  query.format === "csv" ? csvSummaryResponse(query) : getEnergySummary(query),
);
