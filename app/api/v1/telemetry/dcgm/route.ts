import { readBodyBytes } from "@/lib/http/body";
import * as contracts from "@/lib/http/contracts/telemetry";
import { defineRoute } from "@/lib/http/route";
import { ingestDcgm } from "@/lib/telemetry/ingest";

// The contract checks the media type (Prometheus text or OpenMetrics, what dcgm-exporter serves).
export const POST = defineRoute(contracts.pushDcgm, async ({ req, query }) =>
  // Parsed as bytes: decoding a multi-MB page to a string cost three times the parse.
  ingestDcgm(await readBodyBytes(req), query.at ? new Date(query.at) : new Date()),
);
