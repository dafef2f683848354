import { getPool } from "../database/pool";
import { autoRegisterGpus } from "./store/auto-register";
import {
  visitDcgmBytes,
  visitDcgmText,
  type DcgmSample,
  type Labels,
  type Rejection,
  type SampleVisitor,
} from "./dcgm/parser";
import { gpuLookup } from "./store/gpu-directory";
import { evaluateHealth } from "./health/evaluate-health";
import { countIngest } from "./store/ingest-counters";
import { SampleBatch } from "./store/sample-batch";
import { storeSamples } from "./store/sample-store";
import { getTelemetrySettings } from "./settings";

export type IngestResult = {
  /** Samples of known GPUs with a usable value and time. */
  accepted: number;
  /** Malformed lines, non-finite values and samples outside the retention window. */
  rejected: number;
  /** Distinct GPUs in the text that the inventory does not know (by UUID, nor by Hostname + gpu). */
  unknownGpus: number;
  /** Accepted samples that were new; the rest were already stored (a re-posted batch). */
  stored: number;
  duplicates: number;
  /**
   * New samples whose rollups, latest values and health the worker folds in
   * within seconds (0 when this request folded them itself: small batches).
   */
  queuedForFold: number;
  rejections: Rejection[];
};

// Samples stamped this far ahead of the receiver's clock are refused: a node
// with a wrong clock would otherwise write into tomorrow's partition.
const MAX_FUTURE_MS = 5 * 60_000;
const MAX_REJECTIONS_LISTED = 50;
// A node's own page (8 GPUs × the default counters ≈ 300 samples) is folded by
// the request that brought it, so its latest values and health are current when
// the answer arrives; bigger batches (aggregators, backfills) are left to the
// worker's fold, which does the same work once per chunk instead of per request.
const INLINE_FOLD_MAX = 2_000;

/** Reads samples, handing each to `visit` in order; returns the ones it refused as malformed. */
export type SampleReader = (visit: SampleVisitor) => Rejection[];

/**
 * Ingests a dcgm-exporter /metrics page, as text or as the bytes that came over
 * the wire (UTF-8). Samples without a timestamp are
 * stamped `receivedAt` (for a scrape: the scrape time; a pushed batch can say
 * when it was taken with ?at= so a retry stores nothing twice).
 */
export async function ingestDcgm(page: string | Uint8Array, receivedAt: Date): Promise<IngestResult> {
  return ingestSamples(
    (visit) => (typeof page === "string" ? visitDcgmText(page, visit) : visitDcgmBytes(page, visit)),
    receivedAt,
  );
}

/**
 * Stores the samples `read` yields, however they came (a dcgm text page, a
 * Prometheus remote-write request): each label set is matched to a GPU by
 * `UUID`, else `Hostname` + `gpu` (registering GPUs of known servers when
 * autoRegisterGpus is on), and samples of unknown GPUs are counted, not stored.
 * `line` in a rejection is whatever position the reader reports.
 */
export async function ingestSamples(read: SampleReader, receivedAt: Date): Promise<IngestResult> {
  const pool = getPool();
  const settings = await getTelemetrySettings();
  let lookup = await gpuLookup(pool);
  const receivedMs = receivedAt.getTime();
  const batch = new SampleBatch(
    receivedMs,
    receivedMs - settings.rawRetentionDays * 86_400_000,
    receivedMs + MAX_FUTURE_MS,
  );
  // Samples with the same label set share one labels object (the parser's), so
  // the GPU is looked up once per set, not once per sample.
  const gpuOf = new Map<Labels, string | null>();
  let unknownSamples: DcgmSample[] = [];
  const visit: SampleVisitor = (metric, labels, value, timestampMs, line) => {
    let gpuId = gpuOf.get(labels);
    if (gpuId === undefined) gpuOf.set(labels, (gpuId = lookup(labels.UUID, labels.Hostname, labels.gpu) ?? null));
    if (gpuId !== null) batch.add(gpuId, metric, value, timestampMs, line);
    else unknownSamples.push({ metric, labels, value, timestampMs, line });
  };
  const malformed = read(visit);
  if (settings.autoRegisterGpus && unknownSamples.length && (await autoRegisterGpus(unknownSamples)) > 0) {
    lookup = await gpuLookup(pool);
    const stillUnknown: DcgmSample[] = [];
    for (const s of unknownSamples) {
      const gpuId = lookup(s.labels.UUID, s.labels.Hostname, s.labels.gpu);
      if (gpuId) batch.add(gpuId, s.metric, s.value, s.timestampMs, s.line);
      else stillUnknown.push(s);
    }
    unknownSamples = stillUnknown;
  }
  const rejections = malformed.concat(batch.rejections);
  const cols = await batch.columns(pool);
  const unknown = new Set(unknownSamples.map((s) => s.labels.UUID || `${s.labels.Hostname}#${s.labels.gpu}`));
  const { stored, queuedForFold, foldedGpuIds } = await storeSamples(pool, cols, {
    foldInline: cols.gpuIds.length <= INLINE_FOLD_MAX,
  });
  if (foldedGpuIds.length) await evaluateHealth(new Set(foldedGpuIds), settings);
  const result = {
    accepted: cols.gpuIds.length,
    rejected: rejections.length,
    unknownGpus: unknown.size,
    stored,
    duplicates: cols.gpuIds.length - stored,
    queuedForFold,
    rejections: rejections.sort((a, b) => a.line - b.line).slice(0, MAX_REJECTIONS_LISTED),
  };
  countIngest({ ...result, unknownGpuSamples: unknownSamples.length });
  return result;
}
