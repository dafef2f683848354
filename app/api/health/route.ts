import { getHealth } from "@/lib/service-health";
import * as contracts from "@/lib/http/contracts/service";
import { defineRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(contracts.getHealth, async () => {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});
