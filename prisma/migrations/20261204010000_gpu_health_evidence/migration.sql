-- When each GPU last reported anything, so a silent GPU is shown as stale
-- instead of by its last known health, and the scheduler can pass it over.
-- One row per GPU, written by the telemetry fold beside "GpuLatest" (a twentieth
-- of its upserts: one per GPU per batch, not one per field). No foreign key, as
-- for "GpuLatest" and the raw samples: a fold racing a GPU's deletion must not
-- fail its batch; readers join "Gpu".
CREATE TABLE "GpuLastSeen" (
    "gpuId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GpuLastSeen_pkey" PRIMARY KEY ("gpuId")
);
INSERT INTO "GpuLastSeen" ("gpuId", "at")
SELECT "gpuId", max("at") FROM "GpuLatest" GROUP BY "gpuId";

-- Where a GPU's health came from, every cause behind it (with the sample that
-- showed it), an operator's acknowledgement or clearing with its note, and the
-- telemetry values a clearing accepted (dcgm keeps reporting the last XID, so
-- the same value must not fail the GPU again; a new one does).
CREATE TYPE "GpuHealthSource" AS ENUM ('inventory', 'seed', 'operator', 'telemetry');
ALTER TABLE "Gpu"
    ADD COLUMN "healthSource" "GpuHealthSource",
    ADD COLUMN "healthCauses" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "healthAck" JSONB,
    ADD COLUMN "healthBaseline" JSONB;

-- Existing rows: the source is what the newest health-setting audit event says;
-- a health set before sources were kept, with no such event, stays unknown (NULL).
UPDATE "Gpu" g SET "healthSource" = CASE e."action" WHEN 'gpu.health_change' THEN 'telemetry'::"GpuHealthSource" ELSE 'operator'::"GpuHealthSource" END
FROM (
    SELECT DISTINCT ON ("target") "target", "action" FROM "AuditEvent"
     WHERE "action" = 'gpu.health_change' OR ("action" = 'gpu.update' AND "details" ? 'health')
     ORDER BY "target", "at" DESC, "id" DESC
) e
WHERE e."target" = 'gpu:' || g."uuid";
UPDATE "Gpu" SET "healthSource" = 'inventory' WHERE "healthSource" IS NULL AND "health" = 'healthy' AND "healthChangedAt" IS NULL;
-- From now on a GPU is registered "as the inventory says" until something else sets its health.
ALTER TABLE "Gpu" ALTER COLUMN "healthSource" SET DEFAULT 'inventory';
-- The reason line of an unhealthy GPU becomes its one cause until telemetry re-derives it.
UPDATE "Gpu" SET "healthCauses" = jsonb_build_array(jsonb_build_object(
    'code', 'recorded', 'level', "health"::text, 'source', coalesce("healthSource"::text, 'unknown'), 'text', "healthReason"))
 WHERE "health" <> 'healthy' AND "healthReason" IS NOT NULL;
