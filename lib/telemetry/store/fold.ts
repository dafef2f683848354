import { setTimeout as sleep } from "node:timers/promises";
import { getConfig } from "../../config";
import { getPool } from "../../database/pool";
import { evaluateHealth } from "../health/evaluate-health";
import { foldQueuedBatch, type FoldedBatch } from "./fold-statements";
import { getTelemetrySettings } from "../settings";

export type FoldResult = {
  folded: number;
  batches: number;
  healthChanges: number;
  yieldedMs: number;
  /** The most batches that were being folded at once. */
  lanesUsed: number;
};

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

/** How many batches to fold at once when not yielding: RACKMIND_FOLD_LANES, else 2 on a server, 1 on PGlite. */
export function defaultFoldLanes(): number {
  const config = getConfig();
  return config.RACKMIND_FOLD_LANES ?? (config.RACKMIND_DB_KIND === "pglite" ? 1 : 2);
}

/**
 * Folds queued batches into rollups and latest values, then re-derives the
 * health of the GPUs they were of (health reads the latest values, so it must
 * follow the fold). Runs until the queue is empty or `maxBatches` were folded.
 * The worker calls it every second with `yieldToIngest`.
 *
 * One lane leads and does the yielding; while it need not yield, up to
 * `lanes - 1` more fold beside it, each on its own connection (the fold is one
 * statement, so one server core per lane): a backlog left by a burst or an
 * outage drains on every core (bench: ~36k → ~62k samples/s end to end with two
 * lanes), while a burst still meets only the lead's quarter duty. Concurrent
 * lanes take different batches (SKIP LOCKED) and lock rollup rows in the same
 * order, so they cannot deadlock.
 */
export async function foldTelemetry({
  maxBatches = Infinity,
  yieldToIngest = false,
  lanes = 1,
}: { maxBatches?: number; yieldToIngest?: boolean; lanes?: number } = {}): Promise<FoldResult> {
  const pool = getPool();
  const result: FoldResult = { folded: 0, batches: 0, healthChanges: 0, yieldedMs: 0, lanesUsed: 0 };
  let newestSeen: string | null = null;
  let yielding = false;
  let active = 0;
  let helpersRunning = 0;
  const helpers: Promise<void>[] = [];
  let helperFailure: unknown = null;

  // Folds the oldest batch nobody else is folding; null when none is left or the limit is reached.
  const foldOne = async (): Promise<FoldedBatch | null> => {
    if (result.batches >= maxBatches) return null;
    result.batches++; // counted before the await, so lanes together never exceed maxBatches
    result.lanesUsed = Math.max(result.lanesUsed, ++active);
    try {
      const batch = await foldQueuedBatch(pool);
      if (batch.folded === 0) {
        result.batches--;
        return null;
      }
      result.folded += batch.folded;
      result.healthChanges += await evaluateHealth(new Set(batch.gpuIds), await getTelemetrySettings());
      return batch;
    } finally {
      active--;
    }
  };
  const helper = async () => {
    helpersRunning++;
    try {
      while (!yielding && helperFailure === null) {
        if ((await foldOne()) === null) break;
      }
    } catch (err) {
      helperFailure = err; // rethrown by the lead once the others have stopped
    } finally {
      helpersRunning--;
    }
  };

  const lead = async () => {
    while (helperFailure === null) {
      const started = performance.now();
      const batch = await foldOne();
      if (batch === null) return;
      const seenBefore = newestSeen;
      const ingestActive =
        seenBefore !== null && batch.newestQueuedId !== null && BigInt(batch.newestQueuedId) > BigInt(seenBefore);
      newestSeen = batch.newestQueuedId ?? newestSeen;
      yielding = yieldToIngest && ingestActive && (batch.oldestQueuedAgeMs ?? 0) < MAX_YIELDING_LAG_MS;
      if (yielding) {
        const pause = (performance.now() - started) * YIELD_FACTOR;
        result.yieldedMs += pause;
        await sleep(pause);
      } else if (seenBefore !== null && batch.newestQueuedId !== null) {
        // More is queued, and the queue stood still while this batch was
        // folded (the first batch cannot tell): bring in the other lanes.
        while (helpersRunning < lanes - 1) helpers.push(helper());
      }
    }
  };

  try {
    await lead();
  } finally {
    await Promise.all(helpers); // whoever failed, return only once no lane is folding
  }
  if (helperFailure !== null) throw helperFailure;
  return { ...result, yieldedMs: Math.round(result.yieldedMs) };
}
