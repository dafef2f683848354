-- The GPU fault workflow (lib/faults): where a node is between an XID and its
-- return to service, and every step it took (who, why, which jobs it re-queued).

-- CreateEnum
CREATE TYPE "ServerFaultState" AS ENUM ('quarantined', 'draining', 'drained', 'remediating', 'rma');

ALTER TABLE "Server" ADD COLUMN "faultState" "ServerFaultState";
ALTER TABLE "Server" ADD COLUMN "faultSince" TIMESTAMPTZ(3);
ALTER TABLE "Server" ADD COLUMN "faultReason" TEXT;

-- CreateTable
CREATE TABLE "ServerFaultEvent" (
    "id" BIGSERIAL NOT NULL,
    "serverId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from" "ServerFaultState",
    "to" "ServerFaultState",
    "actor" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "ServerFaultEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServerFaultEvent_serverId_id_idx" ON "ServerFaultEvent"("serverId", "id");
CREATE INDEX "ServerFaultEvent_at_idx" ON "ServerFaultEvent"("at");

-- AddForeignKey
ALTER TABLE "ServerFaultEvent" ADD CONSTRAINT "ServerFaultEvent_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;
