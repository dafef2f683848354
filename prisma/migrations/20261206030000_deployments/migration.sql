-- Deployments (lib/deployments, served by serving/): deployments with their
-- canary and gates, their event history, per-minute serving figures, a
-- sampled prediction log, delayed feedback; predict-only API tokens; and the
-- training distribution each model version's drift is measured against.

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('predict');

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('active', 'stopped');

ALTER TABLE "ApiToken" ADD COLUMN "scope" "TokenScope";

ALTER TABLE "ModelVersion" ADD COLUMN "driftBaseline" JSONB;

-- CreateTable
CREATE TABLE "Deployment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "modelId" UUID NOT NULL,
    "alias" TEXT,
    "stableVersionId" UUID NOT NULL,
    "approvedVersionId" UUID NOT NULL,
    "canaryVersionId" UUID,
    "canaryWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "canaryStartedAt" TIMESTAMPTZ(3),
    "gates" JSONB NOT NULL,
    "status" "DeploymentStatus" NOT NULL DEFAULT 'active',
    "servers" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "revision" BIGINT NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Deployment_canaryWeight_range" CHECK ("canaryWeight" >= 0 AND "canaryWeight" <= 1)
);

-- CreateTable
CREATE TABLE "DeploymentEvent" (
    "id" BIGSERIAL NOT NULL,
    "deploymentId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "DeploymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServingMinute" (
    "deploymentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "instances" INTEGER NOT NULL,
    "latencySumMs" DOUBLE PRECISION NOT NULL,
    "latencyCounts" INTEGER[] NOT NULL,

    CONSTRAINT "ServingMinute_pkey" PRIMARY KEY ("deploymentId","versionId","minute")
);

-- CreateTable
CREATE TABLE "PredictionRecord" (
    "requestId" UUID NOT NULL,
    "deploymentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "inputs" JSONB NOT NULL,
    "labels" TEXT[] NOT NULL,

    CONSTRAINT "PredictionRecord_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "PredictionFeedback" (
    "requestId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "deploymentId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentBy" TEXT NOT NULL,

    CONSTRAINT "PredictionFeedback_pkey" PRIMARY KEY ("requestId","index")
);

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_name_key" ON "Deployment"("name");

-- CreateIndex
CREATE INDEX "Deployment_modelId_idx" ON "Deployment"("modelId");

-- CreateIndex
CREATE INDEX "DeploymentEvent_deploymentId_id_idx" ON "DeploymentEvent"("deploymentId", "id");

-- CreateIndex
CREATE INDEX "ServingMinute_minute_idx" ON "ServingMinute"("minute");

-- CreateIndex
CREATE INDEX "PredictionRecord_deploymentId_at_idx" ON "PredictionRecord"("deploymentId", "at");

-- CreateIndex
CREATE INDEX "PredictionRecord_at_idx" ON "PredictionRecord"("at");

-- CreateIndex
CREATE INDEX "PredictionFeedback_deploymentId_receivedAt_idx" ON "PredictionFeedback"("deploymentId", "receivedAt");

-- AddForeignKey
ALTER TABLE "DeploymentEvent" ADD CONSTRAINT "DeploymentEvent_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
