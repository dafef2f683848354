-- CreateTable: samples waiting to be folded into rollups and latest values
CREATE TABLE "GpuSamplePending" (
    "seq" BIGSERIAL NOT NULL,
    "gpuId" UUID NOT NULL,
    "fieldId" SMALLINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "GpuSamplePending_pkey" PRIMARY KEY ("seq")
);

-- Rollups and latest values are updated in place on every fold; leaving room
-- on each page lets Postgres do those as HOT updates (no new index entries).
ALTER TABLE "GpuRollup1m" SET (fillfactor = 70);
ALTER TABLE "GpuRollup1h" SET (fillfactor = 70);
ALTER TABLE "GpuLatest" SET (fillfactor = 70);
