-- CreateTable
CREATE TABLE "TelemetryField" (
    "id" SMALLSERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "TelemetryField_pkey" PRIMARY KEY ("id")
);

-- CreateTable: raw samples, one partition per UTC day (lib/telemetry/partitions.ts creates and drops them)
CREATE TABLE "GpuSample" (
    "gpuId" UUID NOT NULL,
    "fieldId" SMALLINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "GpuSample_pkey" PRIMARY KEY ("gpuId","fieldId","at")
) PARTITION BY RANGE ("at");

-- CreateTable
CREATE TABLE "GpuRollup1m" (
    "gpuId" UUID NOT NULL,
    "fieldId" SMALLINT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "GpuRollup1m_pkey" PRIMARY KEY ("gpuId","fieldId","bucket")
);

-- CreateTable
CREATE TABLE "GpuRollup1h" (
    "gpuId" UUID NOT NULL,
    "fieldId" SMALLINT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "GpuRollup1h_pkey" PRIMARY KEY ("gpuId","fieldId","bucket")
);

-- CreateTable
CREATE TABLE "GpuLatest" (
    "gpuId" UUID NOT NULL,
    "fieldId" SMALLINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "GpuLatest_pkey" PRIMARY KEY ("gpuId","fieldId")
);

-- CreateTable
CREATE TABLE "ScrapeTarget" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "intervalSeconds" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextScrapeAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastScrapeAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastSamples" INTEGER,
    "lastDurationMs" INTEGER,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScrapeTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "TelemetryField_name_key" ON "TelemetryField"("name");

-- CreateIndex
CREATE INDEX "GpuRollup1m_bucket_idx" ON "GpuRollup1m"("bucket");

-- CreateIndex
CREATE INDEX "GpuRollup1h_bucket_idx" ON "GpuRollup1h"("bucket");

-- CreateIndex
CREATE UNIQUE INDEX "ScrapeTarget_url_key" ON "ScrapeTarget"("url");

-- CreateIndex
CREATE INDEX "ScrapeTarget_nextScrapeAt_idx" ON "ScrapeTarget"("nextScrapeAt");
