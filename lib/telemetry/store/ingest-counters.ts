import { Counter } from "prom-client";
import { registry } from "../../metrics/registry";

// Per process, as Prometheus counters are: each web instance and worker counts
// what it ingested; Prometheus sums them across instances.
const samples = new Counter({
  name: "rackmind_telemetry_samples_total",
  help: "dcgm samples received, by outcome.",
  labelNames: ["outcome"],
  registers: [registry],
});

export function countIngest(r: {
  stored: number;
  duplicates: number;
  rejected: number;
  unknownGpuSamples: number;
}): void {
  samples.inc({ outcome: "unknown_gpu" }, r.unknownGpuSamples);
  samples.inc({ outcome: "stored" }, r.stored);
  samples.inc({ outcome: "duplicate" }, r.duplicates);
  samples.inc({ outcome: "rejected" }, r.rejected);
}
