-- The fold queue's arrays (~1 MB a row) were compressed with pglz, the default:
-- that doubled the cost of writing a queue row (measured: 24 rows of 20,000
-- samples, pglz ~330 ms, lz4 ~160 ms at the same size within 15%). lz4 where the
-- server was built with it (Debian's and the official images are); otherwise
-- (PGlite) stored uncompressed, which costs the same CPU as lz4 and more disk
-- for rows that live seconds.
DO $$
BEGIN
  ALTER TABLE "TelemetryFoldBatch"
    ALTER COLUMN "gpuIds" SET COMPRESSION lz4,
    ALTER COLUMN "fieldIds" SET COMPRESSION lz4,
    ALTER COLUMN "atMs" SET COMPRESSION lz4,
    ALTER COLUMN "values" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  ALTER TABLE "TelemetryFoldBatch"
    ALTER COLUMN "gpuIds" SET STORAGE EXTERNAL,
    ALTER COLUMN "fieldIds" SET STORAGE EXTERNAL,
    ALTER COLUMN "atMs" SET STORAGE EXTERNAL,
    ALTER COLUMN "values" SET STORAGE EXTERNAL;
END $$;
