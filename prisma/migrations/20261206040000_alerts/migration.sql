-- Alerts (lib/alerts): rules evaluated by the worker with Prometheus's
-- semantics, the alerts they raise (pending → firing → resolved, kept as
-- history), silences, and the lease that lets one worker evaluate at a time.
-- The rules Rackmind ships are inserted here, each editable and disableable.

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('pending', 'firing', 'resolved');

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "forSeconds" INTEGER NOT NULL DEFAULT 0,
    "keepFiringForSeconds" INTEGER NOT NULL DEFAULT 0,
    "intervalSeconds" INTEGER NOT NULL DEFAULT 15,
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastEvalAt" TIMESTAMPTZ(3),
    "lastEvalMs" INTEGER,
    "lastError" TEXT,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AlertRule_times_range" CHECK ("forSeconds" >= 0 AND "keepFiringForSeconds" >= 0 AND "intervalSeconds" >= 5)
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertRule_name_key" ON "AlertRule"("name");

-- CreateTable
CREATE TABLE "AlertInstance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ruleId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,
    "state" "AlertState" NOT NULL,
    "value" DOUBLE PRECISION,
    "activeAt" TIMESTAMPTZ(3) NOT NULL,
    "firedAt" TIMESTAMPTZ(3),
    "lastActiveAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertInstance_state_idx" ON "AlertInstance"("state");
CREATE INDEX "AlertInstance_ruleId_state_idx" ON "AlertInstance"("ruleId", "state");
CREATE INDEX "AlertInstance_fingerprint_idx" ON "AlertInstance"("fingerprint");
-- One unresolved alert per label set, whatever evaluates: a second evaluator's insert fails here.
CREATE UNIQUE INDEX "AlertInstance_open_fingerprint_key" ON "AlertInstance"("fingerprint") WHERE "state" <> 'resolved';

-- AddForeignKey
ALTER TABLE "AlertInstance" ADD CONSTRAINT "AlertInstance_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "AlertSilence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "matchers" JSONB NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "comment" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endCheckedAt" TIMESTAMPTZ(3),
    "firingAtEnd" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "AlertSilence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertSilence_endsAt_idx" ON "AlertSilence"("endsAt");

-- CreateTable
CREATE TABLE "AlertEvaluatorLease" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertEvaluatorLease_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AlertEvaluatorLease_one_row" CHECK ("id" = 1)
);

-- The shipped rules (lib/alerts/schemas.ts names each kind's parameters).
INSERT INTO "AlertRule" ("name", "kind", "params", "forSeconds", "keepFiringForSeconds", "intervalSeconds", "severity", "builtin", "createdBy") VALUES
  ('GpuTemperatureHigh', 'gpu_temperature', '{"thresholdC": 85}', 300, 60, 15, 'warning', true, 'system'),
  ('GpuXid', 'gpu_xid', '{"xids": []}', 0, 0, 15, 'critical', true, 'system'),
  ('GpuStale', 'gpu_stale', '{"includeNeverSeen": false}', 120, 0, 15, 'warning', true, 'system'),
  ('ServerSilent', 'server_silent', '{}', 120, 0, 15, 'critical', true, 'system'),
  ('RackPowerNearCap', 'rack_power', '{"capPct": 90, "maxAgeMinutes": 15}', 300, 60, 30, 'warning', true, 'system'),
  ('SitePueHigh', 'site_pue', '{"target": 1.6, "windowHours": 24}', 0, 0, 300, 'warning', true, 'system'),
  ('JobFailed', 'job_failed', '{"withinMinutes": 60}', 0, 0, 15, 'warning', true, 'system'),
  ('CanaryRolledBack', 'canary_rolled_back', '{"withinMinutes": 60}', 0, 0, 15, 'warning', true, 'system'),
  ('DeploymentDrift', 'deployment_drift', '{"psi": 0.25, "windowMinutes": 60, "minSamples": 100}', 600, 300, 60, 'warning', true, 'system'),
  ('DeploymentLatencyHigh', 'deployment_latency', '{"p95Ms": 200, "windowMinutes": 5, "minRequests": 20}', 300, 60, 30, 'warning', true, 'system'),
  ('DeploymentErrors', 'deployment_errors', '{"errorRate": 0.05, "windowMinutes": 5, "minRequests": 20}', 120, 60, 30, 'critical', true, 'system');
