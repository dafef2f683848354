-- Wide rollups: one row per GPU and bucket carrying every field, instead of one
-- row per GPU, field and bucket. The fold used to upsert three rows per sample
-- (1-minute, 1-hour, latest); it now upserts one 1-minute row and one latest
-- row per GPU and batch, and the hour is built from the minute rows when it
-- closes (lib/telemetry/store/hour-rollups.ts). bench/ingest.bench.ts measures
-- what that buys end to end.
--
-- Arrays are indexed by "TelemetryField".id (position = field id; NULL = no
-- sample of that field in the bucket). The old narrow tables become views of
-- the same names and columns, so every reader keeps its SQL; hot readers index
-- the arrays directly.

-- Places each value at the position its field id names (the fold's slow path,
-- for a GPU that did not report fields 1..n all together).
CREATE FUNCTION "telemetry_dense"(ids SMALLINT[], vals ANYARRAY) RETURNS ANYARRAY LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  r vals%TYPE := '{}';
BEGIN
  -- Set position 1 first: an empty array assigned at [5] would start at index 5.
  r[1] := NULL;
  FOR k IN 1..coalesce(array_length(ids, 1), 0) LOOP
    r[ids[k]] := vals[k];
  END LOOP;
  RETURN r;
END $$;

CREATE TABLE "GpuRollupMinute" (
    "gpuId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "min" DOUBLE PRECISION[] NOT NULL,
    "max" DOUBLE PRECISION[] NOT NULL,
    "sum" DOUBLE PRECISION[] NOT NULL,
    "count" INTEGER[] NOT NULL,

    CONSTRAINT "GpuRollupMinute_pkey" PRIMARY KEY ("gpuId","bucket")
) WITH (fillfactor = 70);
CREATE INDEX "GpuRollupMinute_bucket_idx" ON "GpuRollupMinute"("bucket");

CREATE TABLE "GpuRollupHour" (
    "gpuId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "min" DOUBLE PRECISION[] NOT NULL,
    "max" DOUBLE PRECISION[] NOT NULL,
    "sum" DOUBLE PRECISION[] NOT NULL,
    "count" INTEGER[] NOT NULL,

    CONSTRAINT "GpuRollupHour_pkey" PRIMARY KEY ("gpuId","bucket")
);
CREATE INDEX "GpuRollupHour_bucket_idx" ON "GpuRollupHour"("bucket");

-- Hours whose minute rows changed since their hour row was built: one row per
-- fold and hour, insert-only (no row is updated, so concurrent folds never wait
-- on each other here), removed by id once the hour is rebuilt.
CREATE TABLE "GpuRollupHourPending" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GpuRollupHourPending_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "GpuRollupHourPending_hour_idx" ON "GpuRollupHourPending"("hour");

CREATE TABLE "GpuLatestReadings" (
    "gpuId" UUID NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3)[] NOT NULL,
    "value" DOUBLE PRECISION[] NOT NULL,

    CONSTRAINT "GpuLatestReadings_pkey" PRIMARY KEY ("gpuId")
) WITH (fillfactor = 70);

-- Existing data, moved over.
INSERT INTO "GpuRollupMinute" ("gpuId", "bucket", "min", "max", "sum", "count")
SELECT "gpuId", "bucket", telemetry_dense(array_agg("fieldId"), array_agg("min")), telemetry_dense(array_agg("fieldId"), array_agg("max")),
       telemetry_dense(array_agg("fieldId"), array_agg("sum")), telemetry_dense(array_agg("fieldId"), array_agg("count"))
  FROM "GpuRollup1m" GROUP BY 1, 2;
INSERT INTO "GpuRollupHour" ("gpuId", "bucket", "min", "max", "sum", "count")
SELECT "gpuId", "bucket", telemetry_dense(array_agg("fieldId"), array_agg("min")), telemetry_dense(array_agg("fieldId"), array_agg("max")),
       telemetry_dense(array_agg("fieldId"), array_agg("sum")), telemetry_dense(array_agg("fieldId"), array_agg("count"))
  FROM "GpuRollup1h" GROUP BY 1, 2;
INSERT INTO "GpuLatestReadings" ("gpuId", "seenAt", "at", "value")
SELECT l."gpuId", coalesce(max(s."at"), max(l."at")), telemetry_dense(array_agg(l."fieldId"), array_agg(l."at")), telemetry_dense(array_agg(l."fieldId"), array_agg(l."value"))
  FROM "GpuLatest" l LEFT JOIN "GpuLastSeen" s ON s."gpuId" = l."gpuId" GROUP BY 1;

DROP TABLE "GpuRollup1m";
DROP TABLE "GpuRollup1h";
DROP TABLE "GpuLatest";
DROP TABLE "GpuLastSeen";

-- The narrow shapes, as views: one row per registered field a wide row has a
-- value for. Joining "TelemetryField" (rather than unnesting each row) lets a
-- reader's "fieldId" = x become a single array subscript per row.
CREATE VIEW "GpuRollup1m" AS
SELECT r."gpuId", f."id" AS "fieldId", r."bucket",
       r."min"[f."id"] AS "min", r."max"[f."id"] AS "max", r."sum"[f."id"] AS "sum", r."count"[f."id"] AS "count"
  FROM "GpuRollupMinute" r CROSS JOIN "TelemetryField" f
 WHERE r."count"[f."id"] IS NOT NULL;

-- The 1-hour rollup, exact at every moment however far behind the builder
-- is: built hours, unless marked as changed since; marked hours aggregated
-- from their minutes, position by position (the builder runs the same
-- aggregation and stores it). The marked hours drive the second part
-- (LATERAL), so reading one hour probes the minute index for that hour only.
CREATE VIEW "GpuRollupHourExact" AS
SELECT h."gpuId", h."bucket", h."min", h."max", h."sum", h."count"
  FROM "GpuRollupHour" h
 -- (an array checked per row rather than an anti-join: the planner then
 -- expects most rows to pass, as they do, and joins the rest sensibly)
 WHERE h."bucket" <> ALL (ARRAY(SELECT DISTINCT p."hour" FROM "GpuRollupHourPending" p))
UNION ALL
SELECT a."gpuId", p."hour" AS "bucket", a."min", a."max", a."sum", a."count"
  FROM (SELECT DISTINCT "hour" FROM "GpuRollupHourPending") p
  CROSS JOIN LATERAL (
    SELECT f."gpuId", array_agg(f.mn ORDER BY f.i) AS "min", array_agg(f.mx ORDER BY f.i) AS "max",
           array_agg(f.sm ORDER BY f.i) AS "sum", array_agg(f.n ORDER BY f.i) AS "count"
      FROM (
        SELECT r."gpuId", u.i, min(u.mn) AS mn, max(u.mx) AS mx, sum(u.sm) AS sm, sum(u.n)::INTEGER AS n
          FROM "GpuRollupMinute" r
          CROSS JOIN LATERAL unnest(r."min", r."max", r."sum", r."count") WITH ORDINALITY AS u(mn, mx, sm, n, i)
         WHERE r."bucket" >= p."hour" AND r."bucket" < p."hour" + interval '1 hour'
         GROUP BY 1, 2
      ) f
     GROUP BY 1
  ) a;

CREATE VIEW "GpuRollup1h" AS
SELECT h."gpuId", f."id" AS "fieldId", h."bucket",
       h."min"[f."id"] AS "min", h."max"[f."id"] AS "max", h."sum"[f."id"] AS "sum", h."count"[f."id"] AS "count"
  FROM "GpuRollupHourExact" h CROSS JOIN "TelemetryField" f
 WHERE h."count"[f."id"] IS NOT NULL;

CREATE VIEW "GpuLatest" AS
SELECT l."gpuId", f."id" AS "fieldId", l."at"[f."id"] AS "at", l."value"[f."id"] AS "value"
  FROM "GpuLatestReadings" l CROSS JOIN "TelemetryField" f
 WHERE l."at"[f."id"] IS NOT NULL;

CREATE VIEW "GpuLastSeen" AS
SELECT "gpuId", "seenAt" AS "at" FROM "GpuLatestReadings";

-- Every hour that has minute rows is rebuilt once by the builder.
INSERT INTO "GpuRollupHourPending" ("hour")
SELECT DISTINCT date_trunc('hour', "bucket", 'UTC') FROM "GpuRollupMinute"
EXCEPT SELECT "bucket" FROM "GpuRollupHour";

-- The site power aggregate follows the wide minute rows (its triggers on the
-- old table went with it): a statement that wrote or deleted rows with a power
-- reading leaves the span it touched.
CREATE OR REPLACE FUNCTION "site_gpu_power_invalidate_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  power SMALLINT := (SELECT f."id" FROM "TelemetryField" f WHERE f."name" = 'DCGM_FI_DEV_POWER_USAGE');
BEGIN
  IF power IS NULL THEN RETURN NULL; END IF;
  INSERT INTO "SiteGpuPowerInvalidation" ("fromBucket", "toBucket")
  SELECT min(c."bucket"), max(c."bucket") FROM changed c WHERE c."count"[power] IS NOT NULL
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "GpuRollupMinute_site_power_insert" AFTER INSERT ON "GpuRollupMinute"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "site_gpu_power_invalidate_rollups"();
CREATE TRIGGER "GpuRollupMinute_site_power_update" AFTER UPDATE ON "GpuRollupMinute"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "site_gpu_power_invalidate_rollups"();
CREATE TRIGGER "GpuRollupMinute_site_power_delete" AFTER DELETE ON "GpuRollupMinute"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "site_gpu_power_invalidate_rollups"();
