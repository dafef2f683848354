import { getConfig } from "@/lib/config";
import { withAuth, withErrors } from "@/lib/http/with-auth";
import { renderMetrics } from "@/lib/metrics/exposition";

export const dynamic = "force-dynamic";

const serve = async () => {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType } });
};
const publicHandler = withErrors(serve);
const protectedHandler = withAuth("metrics.read", serve);

// Prometheus servers often scrape without credentials inside a trusted network;
// RACKMIND_METRICS_PUBLIC=1 allows that, otherwise a bearer token is needed.
export async function GET(req: Request): Promise<Response> {
  return getConfig().RACKMIND_METRICS_PUBLIC === "1" ? publicHandler(req) : protectedHandler(req);
}
