import type { SummaryQuery } from "@/lib/energy/schemas";
import { getEnergySummaryCsv } from "@/lib/energy/reports/summary";

/** The per-day CSV as a download: shared by /summary?format=csv and /summary.csv. */
export async function csvSummaryResponse(q: SummaryQuery): Promise<Response> {
  const csv = await getEnergySummaryCsv(q);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="rackmind-energy-${q.site}.csv"`,
    },
  });
}
