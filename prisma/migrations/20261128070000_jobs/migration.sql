-- CreateEnum
CREATE TYPE "JobPriority" AS ENUM ('low', 'normal', 'high');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'placed', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "JobType" AS ENUM ('train', 'evaluate');

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "type" "JobType" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "priority" "JobPriority" NOT NULL DEFAULT 'normal',
    "team" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "gpus" INTEGER NOT NULL,
    "gpuModel" TEXT,
    "minMemoryMiB" INTEGER,
    "datasetVersionId" UUID NOT NULL,
    "runId" UUID,
    "sourceRunId" UUID,
    "waitingReason" TEXT,
    "result" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "scheduleId" UUID,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "placedAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLog" (
    "id" BIGSERIAL NOT NULL,
    "jobId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "JobLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobSchedule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cron" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "spec" JSONB NOT NULL,
    "team" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" TIMESTAMPTZ(3) NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamQuota" (
    "team" TEXT NOT NULL,
    "maxGpus" INTEGER NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamQuota_pkey" PRIMARY KEY ("team")
);

-- CreateIndex
CREATE UNIQUE INDEX "Job_runId_key" ON "Job"("runId");

-- CreateIndex
CREATE INDEX "Job_status_priority_seq_idx" ON "Job"("status", "priority", "seq");

-- CreateIndex
CREATE INDEX "Job_team_status_idx" ON "Job"("team", "status");

-- CreateIndex
CREATE INDEX "Job_scheduleId_idx" ON "Job"("scheduleId");

-- CreateIndex
CREATE INDEX "Job_createdAt_idx" ON "Job"("createdAt");

-- CreateIndex
CREATE INDEX "JobLog_jobId_id_idx" ON "JobLog"("jobId", "id");

-- CreateIndex
CREATE INDEX "JobSchedule_enabled_nextRunAt_idx" ON "JobSchedule"("enabled", "nextRunAt");

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "JobSchedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobLog" ADD CONSTRAINT "JobLog_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A job never asks for a negative number of GPUs; a quota is never negative.
ALTER TABLE "Job" ADD CONSTRAINT "Job_gpus_check" CHECK ("gpus" >= 0);
ALTER TABLE "TeamQuota" ADD CONSTRAINT "TeamQuota_maxGpus_check" CHECK ("maxGpus" >= 0);
