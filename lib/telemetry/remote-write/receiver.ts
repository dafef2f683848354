import { AppError } from "../../errors";
import { logger } from "../../observability/logger";
import { ingestSamples, type IngestResult } from "../ingest";
import { dcgmSeriesReader, type SeriesTally } from "./dcgm-series";
import { countRemoteWrite } from "./remote-write-counters";
import { decodeWriteRequest } from "./write-request";

/**
 * The Prometheus remote-write 1.0 receiver: a WriteRequest's dcgm-exporter
 * series stored as GPU samples, exactly as a pushed dcgm page would be.
 *
 * The status tells Prometheus what to do with the batch: 2xx and 4xx are
 * final (it drops the batch), 5xx (and 429, when retry_on_http_429 is set) are
 * retried with backoff. So a body that can never be read is a 400, while
 * samples it cannot use (other exporters' series, unknown GPUs, times outside
 * the retention window, staleness markers) are counted and the request still
 * succeeds: resending them would never go better. A database that is away is a
 * 503 (lib/http/errors.ts), which Prometheus retries; the retry stores nothing
 * twice, as samples are unique on (GPU, field, time).
 */

export type RemoteWriteResult = IngestResult & SeriesTally;

const log = logger.child({ component: "remote-write" });
// Prometheus sends every few seconds: a GPU missing from the inventory would
// otherwise log a line per request. Skips are logged at info once a minute,
// at debug otherwise; the counters in /api/metrics count every one.
const SKIP_LOG_INTERVAL_MS = 60_000;
let lastSkipLoggedAt = 0;

/**
 * The remote-write version the media type names (the contract has checked the
 * media type and the snappy coding). Remote-write 2.0 senders name their
 * message (proto=io.prometheus.write.v2.Request); a 415 is what the 2.0 spec
 * asks of a receiver that speaks only 1.0.
 */
export function checkRemoteWriteVersion(headers: Headers): void {
  const proto = /;\s*proto=([^;\s]+)/i.exec(headers.get("content-type") ?? "")?.[1];
  if (proto && proto !== "prometheus.WriteRequest") {
    throw new AppError(
      "unsupported_media_type",
      `Only remote-write 1.0 (proto=prometheus.WriteRequest) is accepted, not ${proto}`,
      { accepted: ["application/x-protobuf;proto=prometheus.WriteRequest"] },
    );
  }
}

/**
 * Decodes the whole request first (a malformed or truncated body is a 400 and
 * stores nothing), then stores its DCGM samples. Idempotent: a re-sent request
 * stores nothing twice.
 */
export async function ingestRemoteWrite(body: Uint8Array, receivedAt: Date): Promise<RemoteWriteResult> {
  const series = decodeWriteRequest(body);
  const tally: SeriesTally = { series: 0, droppedSeries: 0, staleMarkers: 0 };
  const result = await ingestSamples(dcgmSeriesReader(series, tally), receivedAt);
  countRemoteWrite(tally);
  const { rejections, ...counts } = result;
  // Prometheus sees only the status: what happened to the samples is told here and in /api/metrics.
  const skipped = counts.rejected > 0 || counts.unknownGpus > 0;
  if (skipped && Date.now() - lastSkipLoggedAt >= SKIP_LOG_INTERVAL_MS) {
    lastSkipLoggedAt = Date.now();
    log.info({ ...tally, ...counts, firstRejections: rejections.slice(0, 5) }, "remote-write: samples skipped");
  } else log.debug({ ...tally, ...counts, firstRejections: rejections.slice(0, 5) }, "remote-write received");
  return { ...result, ...tally };
}
