-- Pre-aggregated fold batches. Ingest that stored a batch by COPY knows every
-- sample in it is new (a batch with one already stored is refused whole and
-- redone by INSERT … ON CONFLICT DO NOTHING, which queues raw samples as
-- before), so it aggregates the batch itself: one row per GPU and minute
-- (elementwise min/max/sum/count, position = field id, as GpuRollupMinute) and
-- one per GPU (newest value of each field, as GpuLatestReadings), queued under
-- a TelemetryFoldBatch row whose own sample arrays stay empty. The fold then
-- merges ~20 times fewer, already-grouped rows (bench/ingest.bench.ts).
-- The rows live seconds: created with their batch, deleted with it by the fold.
CREATE TABLE "TelemetryFoldMinute" (
    "batchId" BIGINT NOT NULL,
    "gpuId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "min" DOUBLE PRECISION[] NOT NULL,
    "max" DOUBLE PRECISION[] NOT NULL,
    "sum" DOUBLE PRECISION[] NOT NULL,
    "count" INTEGER[] NOT NULL,

    CONSTRAINT "TelemetryFoldMinute_pkey" PRIMARY KEY ("batchId","gpuId","bucket")
);

CREATE TABLE "TelemetryFoldLatest" (
    "batchId" BIGINT NOT NULL,
    "gpuId" UUID NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3)[] NOT NULL,
    "value" DOUBLE PRECISION[] NOT NULL,

    CONSTRAINT "TelemetryFoldLatest_pkey" PRIMARY KEY ("batchId","gpuId")
);
