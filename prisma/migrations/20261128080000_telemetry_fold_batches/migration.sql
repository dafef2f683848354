-- The fold queue holds one row per stored batch (its new samples as parallel
-- arrays) instead of one row per sample: appending a sample to the queue cost
-- about as much as storing it (bench/ingest.bench.ts), and draining it row by
-- row cost a delete per sample on top of the fold.
DROP TABLE "GpuSamplePending";

-- CreateTable
CREATE TABLE "TelemetryFoldBatch" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "samples" INTEGER NOT NULL,
    "gpuIds" UUID[] NOT NULL,
    "fieldIds" SMALLINT[] NOT NULL,
    "atMs" BIGINT[] NOT NULL,
    "values" DOUBLE PRECISION[] NOT NULL,

    CONSTRAINT "TelemetryFoldBatch_pkey" PRIMARY KEY ("id")
);
