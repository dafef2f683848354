-- A second hash per dataset version: sha256 of the cleaned bytes training reads.
-- contentHash (of the uploaded bytes) is the same for two versions of one file
-- cleaned differently (zero-means-missing on or off); cleanedHash tells them apart.
--
-- The database computes it, in a trigger, rather than the app: then it cannot
-- disagree with `cleaned` whoever writes the row (an upload, a re-clean, a test
-- fixture, a hand-run UPDATE), and rows stored before this migration are
-- backfilled with the very same expression. The column default only lets
-- writers leave it out; the CHECK makes sure it is never what gets stored.
ALTER TABLE "DatasetVersion" ADD COLUMN "cleanedHash" TEXT NOT NULL DEFAULT '';

UPDATE "DatasetVersion" SET "cleanedHash" = encode(sha256("cleaned"), 'hex');

ALTER TABLE "DatasetVersion" ADD CONSTRAINT "DatasetVersion_cleanedHash_check" CHECK ("cleanedHash" ~ '^[0-9a-f]{64}$');

CREATE FUNCTION "rackmind_hash_dataset_cleaned"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."cleanedHash" := encode(sha256(NEW."cleaned"), 'hex');
  RETURN NEW;
END $$;

-- UPDATE OF both columns: a new `cleaned` is rehashed, and a hand-set hash is put right.
CREATE TRIGGER "DatasetVersion_cleaned_hash"
    BEFORE INSERT OR UPDATE OF "cleaned", "cleanedHash" ON "DatasetVersion"
    FOR EACH ROW EXECUTE FUNCTION "rackmind_hash_dataset_cleaned"();

-- Lineage asks "which versions hold exactly this training data?".
CREATE INDEX "DatasetVersion_cleanedHash_idx" ON "DatasetVersion"("cleanedHash");
