import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { SummaryQuery } from "@/lib/energy/schemas";
import { getEnergySummary } from "@/lib/energy/reports/summary";
import { csvSummaryResponse } from "./csv-response";

export const GET = withAuth("energy.read", async (req) => {
  const q = readQuery(req, SummaryQuery);
  return q.format === "csv" ? csvSummaryResponse(q) : Response.json(await getEnergySummary(q));
});
