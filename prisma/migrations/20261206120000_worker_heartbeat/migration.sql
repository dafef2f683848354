-- Each worker process says it is alive every few seconds (lib/observability/worker-heartbeat.ts),
-- so /api/health can tell whether any worker runs and whether they got back after
-- the database was away.
CREATE TABLE "WorkerHeartbeat" (
    "owner" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("owner")
);
