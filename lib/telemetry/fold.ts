import { setTimeout as sleep } from "node:timers/promises";
import { getPool } from "../database/pool";
import { evaluateHealth } from "./health";
import { foldQueuedBatch } from "./sample-store";
import { getTelemetrySettings } from "./settings";

export type FoldResult = { folded: number; batches: number; healthChanges: number; yieldedMs: number };

// While batches keep arriving, the fold yields to ingest like autovacuum's cost
// delay: after each batch it pauses three times as long as the batch took (a
// quarter duty), so agents pushing a burst are not slowed down by derived work
// that can follow a few seconds later — measured (bench/ingest.bench.ts): a
// full-speed fold beside a 480k-sample burst held ingest to ~70k samples/s,
// half duty to ~120k, a quarter to ~130–145k.
const YIELD_FACTOR = 3;
// Once the oldest queued batch is older than this, the fold runs flat out, so
// latest values and health never trail ingest by much more.
const MAX_YIELDING_LAG_MS = 15_000;

/**
 * Folds queued batches into rollups and latest values, then re-derives the
 * health of the GPUs they were of (health reads the latest values, so it must
 * follow the fold). Runs until the queue is empty or `maxBatches` were folded.
 * The worker calls it every second with `yieldToIngest`.
 */
export async function foldTelemetry({ maxBatches = Infinity, yieldToIngest = false }: { maxBatches?: number; yieldToIngest?: boolean } = {}): Promise<FoldResult> {
  const pool = getPool();
  const result: FoldResult = { folded: 0, batches: 0, healthChanges: 0, yieldedMs: 0 };
  let newestSeen: string | null = null;
  while (result.batches < maxBatches) {
    const started = performance.now();
    const batch = await foldQueuedBatch(pool);
    if (batch.folded === 0) break;
    result.folded += batch.folded;
    result.batches++;
    result.healthChanges += await evaluateHealth(new Set(batch.gpuIds), await getTelemetrySettings());
    const ingestActive = newestSeen !== null && batch.newestQueuedId !== null && BigInt(batch.newestQueuedId) > BigInt(newestSeen);
    newestSeen = batch.newestQueuedId ?? newestSeen;
    if (yieldToIngest && ingestActive && (batch.oldestQueuedAgeMs ?? 0) < MAX_YIELDING_LAG_MS) {
      const pause = (performance.now() - started) * YIELD_FACTOR;
      result.yieldedMs += pause;
      await sleep(pause);
    }
  }
  return { ...result, yieldedMs: Math.round(result.yieldedMs) };
}
