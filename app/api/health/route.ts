import { getHealth } from "@/lib/service-health";
import { withErrors } from "@/lib/http/with-auth";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});
