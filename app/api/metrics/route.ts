import * as contracts from "@/lib/http/contracts/service";
import { defineRoute } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics/exposition";

export const dynamic = "force-dynamic";

// Without credentials when RACKMIND_METRICS_PUBLIC=1 (the contract's publicWhen).
export const GET = defineRoute(contracts.getMetrics, async () => {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType } });
});
