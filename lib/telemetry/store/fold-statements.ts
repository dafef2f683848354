import type pg from "pg";

// The SQL that folds samples into the wide 1-minute rollups and latest values:
// the merges a batch's rows go through, for the statement that stores and folds
// a small batch at once (sample-store.ts) and for the one that drains a queued
// batch (here), which the worker's fold runs (fold.ts).

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
export const foldCtes = (partials: boolean) => `m AS (
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
export const FOLD_ANSWER = `SELECT count(*)::int AS folded, coalesce(array_agg(DISTINCT "gpuId"), '{}')::text[] AS "gpuIds" FROM chunk`;

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
