import { registry } from "./registry";
import "./deployment-metrics";
import "./fleet-gauges";
import "./gpu-gauges";
import "./job-gauges";
import "./telemetry-gauges";
import "../telemetry/store/ingest-counters";

/** The Prometheus text of everything registered. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  return { body: await registry.metrics(), contentType: registry.contentType };
}
