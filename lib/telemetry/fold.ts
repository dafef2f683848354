import { getPool } from "../database/pool";
import { evaluateHealth } from "./health";
import { foldPendingChunk } from "./sample-store";
import { getTelemetrySettings } from "./settings";

// A chunk big enough to amortise the statement (one page of a 64-node
// aggregator is ~10k samples) and small enough to keep each transaction short
// — PGlite is one session, and a long fold would hold up every request.
const CHUNK = 20_000;

export type FoldResult = { folded: number; chunks: number; healthChanges: number };

/**
 * Folds pending samples into rollups and latest values, then re-derives the
 * health of the GPUs they were of (health reads the latest values, so it must
 * follow the fold). Runs until the queue is empty or `maxChunks` were folded.
 * The worker calls it every second; ingest calls it for one chunk after a small
 * batch so a single node's push is visible at once.
 */
export async function foldTelemetry({ maxChunks = Infinity, chunk = CHUNK, seqs }: { maxChunks?: number; chunk?: number; seqs?: string[] } = {}): Promise<FoldResult> {
  const pool = getPool();
  const result: FoldResult = { folded: 0, chunks: 0, healthChanges: 0 };
  while (result.chunks < maxChunks) {
    const { folded, gpuIds } = await foldPendingChunk(pool, chunk, seqs);
    if (folded === 0) break;
    result.folded += folded;
    result.chunks++;
    result.healthChanges += await evaluateHealth(new Set(gpuIds), await getTelemetrySettings());
    if (folded < chunk) break;
  }
  return result;
}
