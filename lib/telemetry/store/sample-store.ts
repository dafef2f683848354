import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getConfig } from "../../config";
import { encodeFoldLatestRows, encodeFoldMinuteRows, encodeSampleRows } from "./copy-binary";
import { aggregateForFold, markSingleScrapes, splitPartials, type FoldPartials } from "./fold-partials";
import { dayOf, ensurePartitions, forgetPartitions } from "./partitions";

/** Columns of samples to store, as parallel arrays (one array per column). */
export type SampleColumns = { gpuIds: string[]; fieldIds: number[]; atMs: number[]; values: number[] };

/** New samples stored, and the GPUs they were of when this call folded them itself. */
export type StoredSamples = { stored: number; queuedForFold: number; foldedGpuIds: string[] };

// A fold-queue row holds at most this many samples, so draining one is a short
// transaction (PGlite is one session: a long fold would hold up every request).
export const FOLD_BATCH_MAX = 20_000;

// Each GPU's values as one array per column, indexed by field id, from a
// group whose rows come in field order: the array as aggregated when the GPU
// sent fields 1..n (the usual case), placed position by position otherwise.
const dense = (col: string) =>
  `CASE WHEN max("fieldId") = count(*) THEN array_agg(${col}) ELSE telemetry_dense(array_agg("fieldId"), array_agg(${col})) END`;
// NULL means "no sample of this field": a sum or count adds to the other side.
const addOrEither = (a: string, b: string) => `coalesce(${a} + ${b}, ${a}, ${b})`;
// A single scrape's minute row (fold-partials.ts markSingleScrapes), rebuilt
// from its latest values: min, max and sum are the values, and the count is 1
// wherever a value is — an array of ones when no field is missing.
const ONE_WHERE_PRESENT = `CASE WHEN array_position("value", NULL) IS NULL THEN array_fill(1, ARRAY[cardinality("value")])
      ELSE ARRAY(SELECT CASE WHEN v IS NULL THEN NULL ELSE 1 END FROM unnest("value") AS v) END`;
const newer = (oldAt: string, newAt: string) => `${newAt} >= ${oldAt} OR ${oldAt} IS NULL`;
// The usual case of a GPU's latest values, decided without unnesting: every new
// value was sampled at the new row's seenAt (one scrape: a dcgm page stamps a
// GPU's fields alike), no earlier than anything stored, and the new row has a
// value wherever the stored one has (the same holes, at least as long). Then
// the new arrays replace the stored ones whole, as the elementwise merge would.
const REPLACES_LATEST = `(EXCLUDED."seenAt" >= l."seenAt"
  AND cardinality(EXCLUDED."at") >= cardinality(l."at")
  AND array_positions(EXCLUDED."at", NULL) = array_positions(l."at", NULL)
  AND cardinality(array_positions(EXCLUDED."at", EXCLUDED."seenAt")) + cardinality(array_positions(EXCLUDED."at", NULL)) = cardinality(EXCLUDED."at"))`;

// The 1-minute rollups, the latest values and each GPU's last-seen time, folded
// from the rows of the CTE named `chunk` (raw samples) and, for a queued batch
// ingest pre-aggregated, the CTEs `pm` and `pl` (its minute and latest rows):
// one wide upsert per GPU and minute and one per GPU, not one per sample and
// field. A batch is one kind or the other, so no row comes from both sources.
// Elementwise merges run on the arrays (position = field id). Rows are grouped
// and ordered so concurrent folders lock rollup rows in the same order (no
// deadlocks); no parallel plan runs in a statement that writes, so each group's
// rows arrive in the ordered subquery's order. Buckets are truncated in UTC
// whatever the session's time zone. The hours touched are marked for the hour
// builder (insert-only, so lanes never wait on each other there).
const foldCtes = (partials: boolean) => `m AS (
  INSERT INTO "GpuRollupMinute" AS r ("gpuId", "bucket", "min", "max", "sum", "count")
  SELECT * FROM (
    SELECT "gpuId", "bucket", ${dense("mn")}, ${dense("mx")}, ${dense("sm")}, ${dense("n")}
    FROM (
      SELECT "gpuId", date_trunc('minute', "at", 'UTC') AS "bucket", "fieldId",
             min("value") AS mn, max("value") AS mx, sum("value") AS sm, count(*)::int AS n
      FROM chunk GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ) per GROUP BY 1, 2${
      partials
        ? `
    UNION ALL SELECT "gpuId", "bucket", "min", "max", "sum", "count" FROM pm
    UNION ALL SELECT "gpuId", date_trunc('minute', "seenAt", 'UTC'), "value", "value", "value", ${ONE_WHERE_PRESENT} FROM pl WHERE "singleScrape"`
        : ""
    }
  ) src ORDER BY 1, 2
  ON CONFLICT ("gpuId", "bucket") DO UPDATE SET ("min", "max", "sum", "count") = (
    SELECT array_agg(least(a1, b1)), array_agg(greatest(a2, b2)), array_agg(${addOrEither("a3", "b3")}), array_agg(${addOrEither("a4", "b4")})
    FROM unnest(r."min", EXCLUDED."min", r."max", EXCLUDED."max", r."sum", EXCLUDED."sum", r."count", EXCLUDED."count")
      AS u(a1, b1, a2, b2, a3, b3, a4, b4)
  )
  RETURNING "bucket"
), hours AS (
  INSERT INTO "GpuRollupHourPending" ("hour") SELECT DISTINCT date_trunc('hour', "bucket", 'UTC') FROM m
), l AS (
  INSERT INTO "GpuLatestReadings" AS l ("gpuId", "seenAt", "at", "value")
  SELECT * FROM (
    SELECT "gpuId", max("at"), ${dense('"at"')}, ${dense('"value"')}
    FROM (
      SELECT DISTINCT ON ("gpuId", "fieldId") "gpuId", "fieldId", "at", "value" FROM chunk ORDER BY "gpuId", "fieldId", "at" DESC
    ) newest GROUP BY 1${
      partials
        ? `
    UNION ALL SELECT "gpuId", "seenAt", "at", "value" FROM pl`
        : ""
    }
  ) src ORDER BY 1
  ON CONFLICT ("gpuId") DO UPDATE SET "seenAt" = greatest(l."seenAt", EXCLUDED."seenAt"),
    "at" = CASE WHEN ${REPLACES_LATEST} THEN EXCLUDED."at" ELSE (
      SELECT array_agg(CASE WHEN ${newer("oa", "na")} THEN na ELSE oa END) FROM unnest(l."at", EXCLUDED."at") AS u(oa, na)
    ) END,
    "value" = CASE WHEN ${REPLACES_LATEST} THEN EXCLUDED."value" ELSE (
      SELECT array_agg(CASE WHEN ${newer("oa", "na")} THEN nv ELSE ov END)
      FROM unnest(l."at", l."value", EXCLUDED."at", EXCLUDED."value") AS u(oa, ov, na, nv)
    ) END
)`;
const FOLD_ANSWER = `SELECT count(*)::int AS folded, coalesce(array_agg(DISTINCT "gpuId"), '{}')::text[] AS "gpuIds" FROM chunk`;

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

// Drains one queued batch: deletes it and folds its samples (or the rows ingest
// pre-aggregated them into) into the 1-minute rollups and the latest values in
// one statement (a crash mid-fold rolls both back, so nothing is folded twice
// or lost). SKIP LOCKED lets several folders (worker processes) take different batches.
const FOLD_BATCH_SQL = `
WITH b AS (
  DELETE FROM "TelemetryFoldBatch" WHERE "id" = (
    SELECT "id" FROM "TelemetryFoldBatch" ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED
  )
  RETURNING "id", "samples", "gpuIds", "fieldIds", "atMs", "values"
), chunk AS (
  SELECT s."gpuId", s."fieldId", timestamptz 'epoch' + s."atMs" * interval '1 millisecond' AS "at", s."value"
  FROM b, unnest(b."gpuIds", b."fieldIds", b."atMs", b."values") AS s("gpuId", "fieldId", "atMs", "value")
), pm AS (
  DELETE FROM "TelemetryFoldMinute" WHERE "batchId" = (SELECT "id" FROM b)
  RETURNING "gpuId", "bucket", "min", "max", "sum", "count"
), pl AS (
  DELETE FROM "TelemetryFoldLatest" WHERE "batchId" = (SELECT "id" FROM b)
  RETURNING "gpuId", "seenAt", "at", "value", "singleScrape"
), ${foldCtes(true)}
SELECT coalesce((SELECT "samples" FROM b), 0) AS folded,
  ARRAY(SELECT DISTINCT "gpuId" FROM chunk UNION ALL SELECT "gpuId" FROM pl)::text[] AS "gpuIds",
  -- The queue as this statement found it, less the batch it folds (its delete is not visible here).
  (SELECT max("id")::text FROM "TelemetryFoldBatch" WHERE "id" <> ALL (ARRAY(SELECT "id" FROM b))) AS "newestQueuedId",
  (SELECT (extract(epoch FROM now() - min("createdAt")) * 1000)::float8 FROM "TelemetryFoldBatch"
    WHERE "id" <> ALL (ARRAY(SELECT "id" FROM b))) AS "oldestQueuedAgeMs"`;

export type FoldedBatch = {
  folded: number;
  gpuIds: string[];
  /** The queue after this fold: its newest batch id (null when empty) and the oldest batch's age. */
  newestQueuedId: string | null;
  oldestQueuedAgeMs: number | null;
};

/** Folds the oldest queued batch nobody else is folding; returns how many samples, and of which GPUs (0 when none is left). */
export async function foldQueuedBatch(pool: pg.Pool): Promise<FoldedBatch> {
  return (await pool.query<FoldedBatch>(FOLD_BATCH_SQL)).rows[0]!;
}

/** Samples waiting to be folded (the fold's backlog). */
export async function pendingSampleCount(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT coalesce(sum("samples"), 0)::int AS n FROM "TelemetryFoldBatch"`))
    .rows[0]!.n;
}
