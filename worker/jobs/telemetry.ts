import { ensureSiteGpuPowerFresh } from "../../lib/energy/profiles/site-gpu-power";
import { createScraper } from "../../lib/telemetry/scrape/scraper";
import { defaultFoldLanes, foldTelemetry } from "../../lib/telemetry/store/fold";
import { buildClosedHours } from "../../lib/telemetry/store/hour-rollups";
import { maintainTelemetryStorage } from "../../lib/telemetry/store/retention";

const scraper = createScraper();

/** Claims due scrape targets every second; the scrapes run beside the loop. */
export const ScrapeTargetsJob = {
  name: "telemetry.scrape-targets",
  everyMs: 1_000,
  quiet: true,
  run: async () => ({ started: await scraper.tick() }),
  stop: () => scraper.drain(),
};

/** Partitions ahead, retention behind. */
export const TelemetryStorageJob = {
  name: "telemetry.storage",
  everyMs: 60 * 60_000,
  run: () => maintainTelemetryStorage(),
};

/** Drains the fold queue: rollups, latest values and health follow ingest within about a second. */
export const TelemetryFoldJob = {
  name: "telemetry.fold",
  everyMs: 1_000,
  quiet: true,
  run: () => foldTelemetry({ yieldToIngest: true, lanes: defaultFoldLanes() }),
};

/** Builds the 1-hour rollups of hours that closed (or changed after closing) from their minutes. */
export const TelemetryHoursJob = {
  name: "telemetry.hour-rollups",
  everyMs: 30_000,
  quiet: true,
  run: () => buildClosedHours(),
};

/** Keeps each site's per-minute GPU power current, so the Overview and Energy pages seldom wait for a refresh themselves. */
export const SiteGpuPowerJob = {
  name: "energy.site-gpu-power",
  everyMs: 5_000,
  quiet: true,
  run: () => ensureSiteGpuPowerFresh(),
};
