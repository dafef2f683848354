-- The model registry (lib/models): registered models, their versions with
-- lineage, aliases with a protection policy, the append-only promotion ledger
-- and pending promotions. Artifacts become immutable and may come from outside.

-- CreateEnum
CREATE TYPE "ModelVersionSource" AS ENUM ('trained', 'external');

-- CreateEnum
CREATE TYPE "PromotionRequestStatus" AS ENUM ('pending', 'approved', 'rejected', 'withdrawn', 'superseded');

-- An artifact registered from outside has no training run; every artifact gets a content hash.
ALTER TABLE "ModelArtifact" ALTER COLUMN "runId" DROP NOT NULL;
ALTER TABLE "ModelArtifact" ADD COLUMN "sha256" TEXT;

-- Evaluation jobs name the version they evaluate; a model from outside has no run.
ALTER TABLE "Job" ADD COLUMN "modelVersionId" UUID;
CREATE INDEX "Job_modelVersionId_idx" ON "Job"("modelVersionId");

-- CreateTable
CREATE TABLE "RegisteredModel" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "lastVersion" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisteredModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "modelId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "source" "ModelVersionSource" NOT NULL,
    "artifactId" UUID NOT NULL,
    "jobId" UUID,
    "runId" UUID,
    "datasetVersionId" UUID,
    "signature" JSONB NOT NULL,
    "lineage" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "verdictKind" TEXT,
    "accuracy" DOUBLE PRECISION,
    "f1" DOUBLE PRECISION,
    "energy" JSONB NOT NULL,
    "energyKwh" DOUBLE PRECISION,
    "description" TEXT,
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMPTZ(3),
    "archivedBy" TEXT,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ModelVersion_version_positive" CHECK ("version" >= 1)
);

-- CreateTable
CREATE TABLE "ModelAlias" (
    "modelId" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "versionId" UUID NOT NULL,
    "movedBy" TEXT NOT NULL,
    "movedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModelAlias_pkey" PRIMARY KEY ("modelId","alias")
);

-- CreateTable
CREATE TABLE "ModelAliasPolicy" (
    "modelId" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "isProtected" BOOLEAN NOT NULL,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT false,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelAliasPolicy_pkey" PRIMARY KEY ("modelId","alias")
);

-- CreateTable
CREATE TABLE "ModelAliasMove" (
    "id" BIGSERIAL NOT NULL,
    "modelId" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "fromVersion" INTEGER,
    "toVersion" INTEGER,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "approvedBy" TEXT,
    "requestId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModelAliasMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelPromotionRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "modelId" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "PromotionRequestStatus" NOT NULL DEFAULT 'pending',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "ModelPromotionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModel_name_key" ON "RegisteredModel"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_artifactId_key" ON "ModelVersion"("artifactId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_jobId_key" ON "ModelVersion"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_runId_key" ON "ModelVersion"("runId");

-- CreateIndex
CREATE INDEX "ModelVersion_datasetVersionId_idx" ON "ModelVersion"("datasetVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_modelId_version_key" ON "ModelVersion"("modelId", "version");

-- CreateIndex
CREATE INDEX "ModelAlias_versionId_idx" ON "ModelAlias"("versionId");

-- CreateIndex
CREATE INDEX "ModelAliasMove_modelId_alias_at_idx" ON "ModelAliasMove"("modelId", "alias", "at");

-- CreateIndex
CREATE INDEX "ModelPromotionRequest_modelId_status_idx" ON "ModelPromotionRequest"("modelId", "status");

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RegisteredModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "ModelArtifact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAlias" ADD CONSTRAINT "ModelAlias_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RegisteredModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAlias" ADD CONSTRAINT "ModelAlias_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Weights are immutable: once stored, an artifact's content never changes, and
-- its hash is set once (from NULL, for artifacts stored before this migration).
-- Loading checks the content against the hash, so a change made around this
-- trigger (a superuser disabling it) is still refused at load time.
CREATE FUNCTION "rackmind_artifact_immutable"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."modelTopology" IS DISTINCT FROM OLD."modelTopology"
       OR NEW."weightSpecs" IS DISTINCT FROM OLD."weightSpecs"
       OR NEW."weights" IS DISTINCT FROM OLD."weights"
       OR NEW."preprocessing" IS DISTINCT FROM OLD."preprocessing"
       OR NEW."runId" IS DISTINCT FROM OLD."runId"
       OR (OLD."sha256" IS NOT NULL AND NEW."sha256" IS DISTINCT FROM OLD."sha256") THEN
        RAISE EXCEPTION 'ModelArtifact % is immutable', OLD."id" USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "ModelArtifact_immutable"
    BEFORE UPDATE ON "ModelArtifact"
    FOR EACH ROW EXECUTE FUNCTION "rackmind_artifact_immutable"();

-- The promotion ledger is append-only, like the audit log.
CREATE FUNCTION "rackmind_append_only"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ModelAliasMove_append_only"
    BEFORE UPDATE OR DELETE ON "ModelAliasMove"
    FOR EACH ROW EXECUTE FUNCTION "rackmind_append_only"();

CREATE TRIGGER "ModelAliasMove_no_truncate"
    BEFORE TRUNCATE ON "ModelAliasMove"
    FOR EACH STATEMENT EXECUTE FUNCTION "rackmind_append_only"();
