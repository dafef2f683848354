import { Counter } from "prom-client";
import { registry } from "../../metrics/registry";
import type { SeriesTally } from "./dcgm-series";

// Per process, like rackmind_telemetry_samples_total (which counts the stored,
// duplicate, rejected and unknown-GPU samples of remote-write requests too).
const series = new Counter({
  name: "rackmind_remote_write_series_total",
  help: "Series received over Prometheus remote-write, by outcome: dcgm (read) or dropped (not dcgm-exporter's, or naming no GPU).",
  labelNames: ["outcome"],
  registers: [registry],
});
const staleMarkers = new Counter({
  name: "rackmind_remote_write_stale_markers_total",
  help: "Prometheus staleness markers received over remote-write (skipped: they are not samples).",
  registers: [registry],
});

export function countRemoteWrite(t: SeriesTally): void {
  series.inc({ outcome: "dcgm" }, t.series - t.droppedSeries);
  series.inc({ outcome: "dropped" }, t.droppedSeries);
  staleMarkers.inc(t.staleMarkers);
}
