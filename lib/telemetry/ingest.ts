import { getPool } from "../database/pool";
import { autoRegisterGpus } from "./auto-register";
import { parseDcgmBytes, parseDcgmText } from "./dcgm-parser";
import { resolveFieldIds } from "./field-ids";
import { gpuLookup } from "./gpu-directory";
import { evaluateHealth } from "./health";
import { countIngest } from "./ingest-counters";
import { storeSamples, type SampleColumns } from "./sample-store";
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
  rejections: { line: number; reason: string }[];
};

// Samples stamped this far ahead of the receiver's clock are refused: a node
// with a wrong clock would otherwise write into tomorrow's partition.
const MAX_FUTURE_MS = 5 * 60_000;
const MAX_REJECTIONS_LISTED = 50;
// Rollups sum values: a finite value near float8's limit (1.8e308) would make a
// sum overflow, which PostgreSQL reports as an error, and the fold could never
// drain that batch. No DCGM counter comes near this bound.
const MAX_ABS_VALUE = 1e300;
// A node's own page (8 GPUs × the default counters ≈ 300 samples) is folded by
// the request that brought it, so its latest values and health are current when
// the answer arrives; bigger batches (aggregators, backfills) are left to the
// worker's fold, which does the same work once per chunk instead of per request.
const INLINE_FOLD_MAX = 2_000;

/**
 * Ingests a dcgm-exporter /metrics page, as text or as the bytes that came over
 * the wire (UTF-8). Samples without a timestamp are
 * stamped `receivedAt` (for a scrape: the scrape time; a pushed batch can say
 * when it was taken with ?at= so a retry stores nothing twice).
 */
export async function ingestDcgm(page: string | Uint8Array, receivedAt: Date): Promise<IngestResult> {
  const pool = getPool();
  const settings = await getTelemetrySettings();
  const { samples, rejected } = typeof page === "string" ? parseDcgmText(page) : parseDcgmBytes(page);
  const rejections = [...rejected];
  let lookup = await gpuLookup(pool);
  if (settings.autoRegisterGpus) {
    const unknownSamples = samples.filter((s) => !lookup(s.labels.UUID, s.labels.Hostname, s.labels.gpu));
    if (unknownSamples.length && (await autoRegisterGpus(unknownSamples)) > 0) lookup = await gpuLookup(pool);
  }
  const fieldIds = await resolveFieldIds(pool, new Set(samples.map((s) => s.metric)));
  const oldestMs = receivedAt.getTime() - settings.rawRetentionDays * 86_400_000;
  const newestMs = receivedAt.getTime() + MAX_FUTURE_MS;
  const cols: SampleColumns = { gpuIds: [], fieldIds: [], atMs: [], values: [] };
  const unknown = new Set<string>();
  let unknownGpuSamples = 0;
  // Samples with the same label set share one labels object (the parser's), so
  // the GPU is looked up once per set, not once per sample.
  const gpuOf = new Map<object, string | undefined>();
  for (const s of samples) {
    let gpuId = gpuOf.get(s.labels);
    if (gpuId === undefined && !gpuOf.has(s.labels)) gpuOf.set(s.labels, (gpuId = lookup(s.labels.UUID, s.labels.Hostname, s.labels.gpu)));
    if (!gpuId) {
      unknown.add(s.labels.UUID || `${s.labels.Hostname}#${s.labels.gpu}`);
      unknownGpuSamples++;
      continue;
    }
    const at = s.timestampMs ?? receivedAt.getTime();
    if (!(Math.abs(s.value) <= MAX_ABS_VALUE)) rejections.push({ line: s.line, reason: `${s.metric}: value ${s.value} is not a finite number within ±1e300` });
    else if (at < oldestMs || at > newestMs) rejections.push({ line: s.line, reason: `${s.metric}: time ${new Date(at).toISOString()} is outside the accepted window` });
    else {
      cols.gpuIds.push(gpuId);
      cols.fieldIds.push(fieldIds.get(s.metric)!);
      cols.atMs.push(at);
      cols.values.push(s.value);
    }
  }
  const { stored, queuedForFold, foldedGpuIds } = await storeSamples(pool, cols, { foldInline: cols.gpuIds.length <= INLINE_FOLD_MAX });
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
  countIngest({ ...result, unknownGpuSamples });
  return result;
}
