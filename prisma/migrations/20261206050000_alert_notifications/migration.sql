-- Alert notifications (lib/alerts/notify): webhook receivers, their alert
-- groups (group_wait / group_interval / repeat_interval), an outbox of
-- notifications with their delivery state, and the delivery log.

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('pending', 'delivering', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "AlertReceiver" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "matchers" JSONB NOT NULL DEFAULT '[]',
    "groupBy" TEXT[] NOT NULL DEFAULT ARRAY['alertname']::TEXT[],
    "groupWaitSeconds" INTEGER NOT NULL DEFAULT 30,
    "groupIntervalSeconds" INTEGER NOT NULL DEFAULT 300,
    "repeatIntervalSeconds" INTEGER NOT NULL DEFAULT 14400,
    "timeoutMs" INTEGER NOT NULL DEFAULT 5000,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "isFallback" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertReceiver_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AlertReceiver_limits" CHECK ("timeoutMs" BETWEEN 100 AND 60000 AND "maxAttempts" BETWEEN 1 AND 20)
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertReceiver_name_key" ON "AlertReceiver"("name");

-- CreateTable
CREATE TABLE "AlertNotifyGroup" (
    "receiverId" UUID NOT NULL,
    "groupKey" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastFlushAt" TIMESTAMPTZ(3),
    "lastFiring" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "AlertNotifyGroup_pkey" PRIMARY KEY ("receiverId", "groupKey")
);

-- AddForeignKey
ALTER TABLE "AlertNotifyGroup" ADD CONSTRAINT "AlertNotifyGroup_receiverId_fkey" FOREIGN KEY ("receiverId") REFERENCES "AlertReceiver"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "AlertNotification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "receiverId" UUID NOT NULL,
    "groupKey" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "fallbackOf" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "AlertNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertNotification_idempotencyKey_key" ON "AlertNotification"("idempotencyKey");
CREATE INDEX "AlertNotification_status_nextAttemptAt_idx" ON "AlertNotification"("status", "nextAttemptAt");
CREATE INDEX "AlertNotification_receiverId_createdAt_idx" ON "AlertNotification"("receiverId", "createdAt");

-- AddForeignKey
ALTER TABLE "AlertNotification" ADD CONSTRAINT "AlertNotification_receiverId_fkey" FOREIGN KEY ("receiverId") REFERENCES "AlertReceiver"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" BIGSERIAL NOT NULL,
    "notificationId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "httpStatus" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertDelivery_notificationId_id_idx" ON "AlertDelivery"("notificationId", "id");

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "AlertNotification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
