import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { csvSummaryResponse } from "../summary/csv-response";

export const GET = defineRoute(contracts.getSummaryCsv, async ({ query }) => csvSummaryResponse(query));
