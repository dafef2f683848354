import { readBodyBytes, readQuery, requireContentType } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { ingestDcgm } from "@/lib/telemetry/ingest";
import { DcgmPushQuery } from "@/lib/telemetry/schemas";

// What dcgm-exporter serves: Prometheus text (or OpenMetrics, a superset we read the same way).
const MEDIA_TYPES = ["text/plain", "application/openmetrics-text"];

export const POST = withAuth("telemetry.write", async (req) => {
  requireContentType(req, MEDIA_TYPES);
  const { at } = readQuery(req, DcgmPushQuery);
  // Parsed as bytes: decoding a multi-MB page to a string cost three times the parse.
  return Response.json(await ingestDcgm(await readBodyBytes(req), at ? new Date(at) : new Date()));
});
