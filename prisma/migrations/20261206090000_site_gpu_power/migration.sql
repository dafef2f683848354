-- A site's GPU power per minute, kept as a continuous aggregate of the
-- per-GPU 1-minute rollups (lib/energy/profiles/site-gpu-power.ts): the
-- Overview's and the Energy page's site figures read ~1,440 rows a day instead
-- of one row per GPU per minute (11.5M a day at 8,000 GPUs).
--
-- Every change to a power rollup row (the fold's upserts, retention's deletes,
-- a GPU's rows cascading away) and every move of a GPU, server or rack between
-- sites leaves the span it touched in "SiteGpuPowerInvalidation", in the same
-- transaction; a refresh recomputes those spans from the rollups. So the
-- aggregate is never wrong for long, and readers that refresh first are exact.

-- CreateTable
CREATE TABLE "SiteGpuPower1m" (
    "siteId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "watts" DOUBLE PRECISION NOT NULL,
    "gpus" INTEGER NOT NULL,

    CONSTRAINT "SiteGpuPower1m_pkey" PRIMARY KEY ("siteId","bucket")
);

-- CreateTable
CREATE TABLE "SiteGpuPowerInvalidation" (
    "id" BIGSERIAL NOT NULL,
    "fromBucket" TIMESTAMPTZ(3) NOT NULL,
    "toBucket" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiteGpuPowerInvalidation_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "SiteGpuPower1m" ADD CONSTRAINT "SiteGpuPower1m_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The span of power rollup rows a statement wrote or deleted (one row per statement, not per row).
CREATE FUNCTION "site_gpu_power_invalidate_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SiteGpuPowerInvalidation" ("fromBucket", "toBucket")
  SELECT min(c."bucket"), max(c."bucket") FROM changed c
   WHERE c."fieldId" = (SELECT f."id" FROM "TelemetryField" f WHERE f."name" = 'DCGM_FI_DEV_POWER_USAGE')
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "GpuRollup1m_site_power_insert" AFTER INSERT ON "GpuRollup1m"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "site_gpu_power_invalidate_rollups"();
CREATE TRIGGER "GpuRollup1m_site_power_update" AFTER UPDATE ON "GpuRollup1m"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "site_gpu_power_invalidate_rollups"();
CREATE TRIGGER "GpuRollup1m_site_power_delete" AFTER DELETE ON "GpuRollup1m"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "site_gpu_power_invalidate_rollups"();

-- A GPU, server or rack moved to another site: its history now counts for the new site, as every per-GPU query counts it.
CREATE FUNCTION "site_gpu_power_invalidate_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SiteGpuPowerInvalidation" ("fromBucket", "toBucket") VALUES ('-infinity', 'infinity');
  RETURN NULL;
END $$;

CREATE TRIGGER "Gpu_site_power_move" AFTER UPDATE OF "serverId" ON "Gpu"
  FOR EACH ROW WHEN (OLD."serverId" IS DISTINCT FROM NEW."serverId") EXECUTE FUNCTION "site_gpu_power_invalidate_all"();
CREATE TRIGGER "Server_site_power_move" AFTER UPDATE OF "rackId" ON "Server"
  FOR EACH ROW WHEN (OLD."rackId" IS DISTINCT FROM NEW."rackId") EXECUTE FUNCTION "site_gpu_power_invalidate_all"();
CREATE TRIGGER "Rack_site_power_move" AFTER UPDATE OF "siteId" ON "Rack"
  FOR EACH ROW WHEN (OLD."siteId" IS DISTINCT FROM NEW."siteId") EXECUTE FUNCTION "site_gpu_power_invalidate_all"();
