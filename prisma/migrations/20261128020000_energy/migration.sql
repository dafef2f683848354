-- CreateEnum
CREATE TYPE "EnergyScope" AS ENUM ('facility', 'it');

-- CreateEnum
CREATE TYPE "EnergyMeterKind" AS ENUM ('register', 'power');

-- CreateTable
CREATE TABLE "EnergyMeter" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "siteId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "EnergyScope" NOT NULL,
    "kind" "EnergyMeterKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnergyMeter_pkey" PRIMARY KEY ("id")
);

-- CreateTable: exactly one of the two values, matching the meter's kind (lib/energy/readings.ts)
CREATE TABLE "EnergyReading" (
    "meterId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kwhTotal" DOUBLE PRECISION,
    "watts" DOUBLE PRECISION,

    CONSTRAINT "EnergyReading_pkey" PRIMARY KEY ("meterId","at"),
    CONSTRAINT "EnergyReading_one_value_check" CHECK (("kwhTotal" IS NULL) <> ("watts" IS NULL))
);

-- CreateTable
CREATE TABLE "EnergyTariff" (
    "siteId" UUID NOT NULL,
    "periods" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "EnergyTariff_pkey" PRIMARY KEY ("siteId")
);

-- CreateTable
CREATE TABLE "CarbonIntensity" (
    "siteId" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "gCo2ePerKwh" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CarbonIntensity_pkey" PRIMARY KEY ("siteId","hour")
);

-- CreateTable
CREATE TABLE "GpuAllocation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "gpuId" UUID NOT NULL,
    "jobId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "GpuAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnergyMeter_siteId_name_key" ON "EnergyMeter"("siteId", "name");

-- CreateIndex
CREATE INDEX "GpuAllocation_jobId_idx" ON "GpuAllocation"("jobId");

-- CreateIndex
CREATE INDEX "GpuAllocation_gpuId_startedAt_idx" ON "GpuAllocation"("gpuId", "startedAt");

-- AddForeignKey
ALTER TABLE "EnergyReading" ADD CONSTRAINT "EnergyReading_meterId_fkey" FOREIGN KEY ("meterId") REFERENCES "EnergyMeter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A site's meters, tariff and intensity series go with it. A trigger, not foreign
-- keys: schema.prisma declares no relations to Site (see the energy models there),
-- and the drift guard holds foreign keys to exactly what the schema declares.
CREATE FUNCTION "energy_forget_site"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "EnergyMeter" WHERE "siteId" = OLD."id";
    DELETE FROM "EnergyTariff" WHERE "siteId" = OLD."id";
    DELETE FROM "CarbonIntensity" WHERE "siteId" = OLD."id";
    RETURN OLD;
END;
$$;

CREATE TRIGGER "Site_energy_forget" AFTER DELETE ON "Site" FOR EACH ROW EXECUTE FUNCTION "energy_forget_site"();
