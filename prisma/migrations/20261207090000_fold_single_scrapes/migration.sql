-- A queued GPU whose batch was one scrape (one sample of each field, all in one
-- minute) has no TelemetryFoldMinute row: its latest row says so, and the fold
-- rebuilds the minute row from its values (min = max = sum = value, count 1).
-- Half the pre-aggregated bytes of the usual batch, sent and logged
-- (bench/ingest.bench.ts). Rows queued before this migration are all false,
-- each with its minute row, and fold as before.
ALTER TABLE "TelemetryFoldLatest" ADD COLUMN "singleScrape" BOOLEAN NOT NULL DEFAULT false;
