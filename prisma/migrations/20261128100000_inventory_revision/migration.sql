-- A counter that moves whenever what telemetry matches GPUs by changes (a GPU's
-- UUID, server or index; a server's hostname; GPUs or servers added or removed).
-- Ingest asks it before every batch whether its cached UUID/hostname map is
-- still current: one row read, where counting and scanning both tables cost
-- ~2 ms at 8,000 GPUs and grew with the fleet. Statement triggers, in the
-- writing transaction: the new value is visible exactly when the change is.
CREATE TABLE "InventoryRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "InventoryRevision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InventoryRevision_one_row" CHECK ("id" = 1)
);
INSERT INTO "InventoryRevision" ("id", "revision") VALUES (1, 0);

CREATE FUNCTION "rackmind_bump_inventory_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "InventoryRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

-- UPDATE OF: health changes, made by every fold, leave the map alone.
CREATE TRIGGER "Gpu_inventory_revision"
    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "uuid", "serverId", "index" ON "Gpu"
    FOR EACH STATEMENT EXECUTE FUNCTION "rackmind_bump_inventory_revision"();
CREATE TRIGGER "Server_inventory_revision"
    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "hostname" ON "Server"
    FOR EACH STATEMENT EXECUTE FUNCTION "rackmind_bump_inventory_revision"();
