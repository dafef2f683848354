import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getConfig } from "../../config";
import { encodeFoldLatestRows, encodeFoldMinuteRows, encodeSampleRows } from "./copy-binary";
import { aggregateForFold, markSingleScrapes, splitPartials, type FoldPartials } from "./fold-partials";
import { dayOf, ensurePartitions, forgetPartitions } from "./partitions";
import { FOLD_ANSWER, foldCtes } from "./fold-statements";

/** Columns of samples to store, as parallel arrays (one array per column). */
export type SampleColumns = { gpuIds: string[]; fieldIds: number[]; atMs: number[]; values: number[] };

/** New samples stored, and the GPUs they were of when this call folded them itself. */
export type StoredSamples = { stored: number; queuedForFold: number; foldedGpuIds: string[] };

// A fold-queue row holds at most this many samples, so draining one is a short
// transaction (PGlite is one session: a long fold would hold up every request).
export const FOLD_BATCH_MAX = 20_000;

const INSERT_RAW = `INSERT INTO "GpuSample" ("gpuId", "fieldId", "at", "value")
  SELECT "gpuId", "fieldId", timestamptz 'epoch' + "atMs" * interval '1 millisecond', "value"
  FROM unnest($1::uuid[], $2::int2[], $3::int8[], $4::float8[]) AS s("gpuId", "fieldId", "atMs", "value")
  ON CONFLICT DO NOTHING
  RETURNING "gpuId", "fieldId", "at", "value"`;

// A small batch (a node's own page): stored and folded in one statement, so its
// latest values are current when the answer arrives and nothing is queued.
// Only rows the insert returned — the new ones — are folded, so a re-posted
// batch is neither stored nor folded twice.
const STORE_AND_FOLD_SQL = `WITH chunk AS (${INSERT_RAW}), ${foldCtes(false)} ${FOLD_ANSWER}`;

// A big batch without COPY: stored, and its new rows queued for the fold, in one statement.
const STORE_AND_QUEUE_SQL = `WITH ins AS (${INSERT_RAW})
INSERT INTO "TelemetryFoldBatch" ("samples", "gpuIds", "fieldIds", "atMs", "values")
SELECT count(*), array_agg("gpuId"), array_agg("fieldId"), array_agg((extract(epoch FROM "at") * 1000)::int8), array_agg("value")
FROM ins HAVING count(*) > 0
RETURNING "samples"`;

/**
 * Stores raw samples, idempotently: a sample already stored (same GPU, field
 * and time) is skipped. With `foldInline` (small batches) the new samples are
 * folded by the same statement; otherwise they are queued for the worker's fold
 * in the transaction that stores them, so each is folded exactly once.
 */
export async function storeSamples(
  pool: pg.Pool,
  cols: SampleColumns,
  { foldInline = false } = {},
): Promise<StoredSamples> {
  if (cols.gpuIds.length === 0) return { stored: 0, queuedForFold: 0, foldedGpuIds: [] };
  const days = new Set<string>();
  let lastMs = NaN;
  for (const ms of cols.atMs) if (ms !== lastMs) days.add(dayOf((lastMs = ms)));
  await ensurePartitions(pool, days);
  const attempt = async (): Promise<StoredSamples> => {
    if (foldInline) {
      const r = (await pool.query<{ folded: number; gpuIds: string[] }>(STORE_AND_FOLD_SQL, arrayLiterals(cols)))
        .rows[0]!;
      return { stored: r.folded, queuedForFold: 0, foldedGpuIds: r.gpuIds };
    }
    // COPY is the server's fastest way in but has no ON CONFLICT: it is tried
    // first and, if the batch holds a sample already stored (a retry), rolled
    // back and redone by the idempotent statement. pglite-socket does not speak
    // COPY's sub-protocol.
    if (getConfig().RACKMIND_DB_KIND !== "pglite") {
      const copied = await copyAndQueue(pool, cols);
      if (copied !== null) return { stored: copied, queuedForFold: copied, foldedGpuIds: [] };
    }
    // Parts of FOLD_BATCH_MAX, each stored and queued atomically: a crash
    // between parts leaves whole parts stored, and a retry stores the rest.
    let stored = 0;
    for (const part of parts(cols)) {
      const { rows } = await pool.query<{ samples: number }>(STORE_AND_QUEUE_SQL, arrayLiterals(part));
      stored += rows[0]?.samples ?? 0;
    }
    return { stored, queuedForFold: stored, foldedGpuIds: [] };
  };
  try {
    return await attempt();
  } catch (err) {
    // Another process may have dropped a day partition this one still thought existed.
    if ((err as { code?: string }).code !== "23514") throw err;
    forgetPartitions();
    await ensurePartitions(pool, days);
    return await attempt();
  }
}

const UNIQUE_VIOLATION = "23505";

// At most two COPYs at a time per process, each request queued on one of two
// lanes: concurrent COPYs into the same indexes cost the server more CPU per
// row (one: 2.8 µs, two: 3.7, four: 4.7, measured here), while a second lane
// lets one batch's COPY overlap the next one's round trips (bench/ingest:
// ~120k samples/s with one lane, ~135–145k with two). Requests waiting their
// turn still parse in parallel.
const COPY_LANES = 2;
const lanes: Promise<unknown>[] = Array.from({ length: COPY_LANES }, () => Promise.resolve());
let nextLane = 0;

/** COPYs the samples into the raw table and queues them for the fold, in one transaction; null when one was already stored. */
function copyAndQueue(pool: pg.Pool, cols: SampleColumns): Promise<number | null> {
  const data = encodeSampleRows(cols);
  // Every sample is new when the COPY succeeds (it fails whole on one already
  // stored), so the batch is queued aggregated as the fold would aggregate it.
  const partials = splitPartials(markSingleScrapes(aggregateForFold(cols)), FOLD_PART_MAX_GPUS);
  const lane = nextLane++ % COPY_LANES;
  const turn = lanes[lane]!.then(() => copyInTransaction(pool, data, partials));
  lanes[lane] = turn.catch(() => undefined);
  return turn;
}

const copyInto = (client: pg.PoolClient, table: string, columns: string[], rows: Buffer) =>
  pipeline(
    Readable.from([rows]),
    client.query(copyFrom(`COPY "${table}" ("${columns.join('", "')}") FROM STDIN (FORMAT binary)`)),
  );

async function copyInTransaction(pool: pg.Pool, data: Buffer, partials: FoldPartials[]): Promise<number | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await copyInto(client, "GpuSample", ["gpuId", "fieldId", "at", "value"], data);
    let samples = 0;
    for (const part of partials) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "TelemetryFoldBatch" ("samples", "gpuIds", "fieldIds", "atMs", "values") VALUES ($1, '{}', '{}', '{}', '{}') RETURNING "id"`,
        [part.samples],
      );
      const batchId = BigInt(rows[0]!.id);
      await copyInto(client, "TelemetryFoldMinute", MINUTE_COLUMNS, encodeFoldMinuteRows(batchId, part.minutes));
      await copyInto(client, "TelemetryFoldLatest", LATEST_COLUMNS, encodeFoldLatestRows(batchId, part.latest));
      samples += part.samples;
    }
    await client.query("COMMIT");
    return samples;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) return null;
    throw err;
  } finally {
    client.release();
  }
}

const MINUTE_COLUMNS = ["batchId", "gpuId", "bucket", "min", "max", "sum", "count"];
const LATEST_COLUMNS = ["batchId", "gpuId", "seenAt", "at", "value", "singleScrape"];
// A pre-aggregated part covers at most this many GPUs: with the default ~20
// fields a GPU, about FOLD_BATCH_MAX samples of one scrape, so draining a part
// stays as short a transaction as draining a raw one.
const FOLD_PART_MAX_GPUS = 1_000;

function* parts(cols: SampleColumns): Generator<SampleColumns> {
  for (let i = 0; i < cols.gpuIds.length; i += FOLD_BATCH_MAX) {
    const end = i + FOLD_BATCH_MAX;
    yield {
      gpuIds: cols.gpuIds.slice(i, end),
      fieldIds: cols.fieldIds.slice(i, end),
      atMs: cols.atMs.slice(i, end),
      values: cols.values.slice(i, end),
    };
  }
}

// Array parameters as Postgres array literals, joined here: node-pg's generic
// array serialiser escapes element by element. Every element is a uuid or a
// finite number, so none needs quoting.
function arrayLiterals(cols: SampleColumns): string[] {
  return [cols.gpuIds, cols.fieldIds, cols.atMs, cols.values].map((a) => `{${a.join(",")}}`);
}
