import { ingestDcgm } from "../../lib/telemetry/ingest";
import { getTelemetrySettings } from "../../lib/telemetry/settings";
import { renderDemoFleetPage } from "../../lib/demo/simulator";

const EVERY_MS = 15_000;

/**
 * While the telemetry setting `demoTelemetry` is on (the demo seed turns it
 * on), feeds the simulated dcgm page of the demo fleet through real ingest
 * every 15 s, as a fleet of dcgm-exporters would: the demo's health, charts,
 * energy and job placement then rest on telemetry, not on seeded words. The
 * page is stamped on a 15 s grid, so several workers feed the same samples and
 * ingest stores them once.
 */
export const DemoTelemetryJob = {
  name: "telemetry.demo-feed",
  everyMs: EVERY_MS,
  quiet: true,
  run: async () => {
    if (!(await getTelemetrySettings()).demoTelemetry) return { fed: false };
    const atMs = Math.floor(Date.now() / EVERY_MS) * EVERY_MS;
    const result = await ingestDcgm(renderDemoFleetPage(atMs), new Date(atMs));
    return { fed: true, accepted: result.accepted, unknownGpus: result.unknownGpus };
  },
};
