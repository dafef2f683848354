import { Gauge } from "prom-client";
import { getPool } from "../database/pool";
import { staleBefore } from "../telemetry/health/freshness";
import { readingFields } from "../telemetry/views/latest";
import { getTelemetrySettings } from "../telemetry/settings";
import { registry } from "./registry";

type Reading = { uuid: string; hostname: string; index: number; name: string; value: number };
type Seen = { uuid: string; hostname: string; index: number; at: Date };

// Readings of GPUs gone silent are left out: Prometheus stamps what it scrapes
// with the scrape time, so exporting a stale value would record an hour-old
// temperature as current. rackmind_gpu_last_sample_timestamp_seconds says when
// each GPU last spoke.
const READINGS_SQL = `
SELECT g.uuid, s.hostname, g.index, f.name, l.value FROM "GpuLatest" l
JOIN "TelemetryField" f ON f.id = l."fieldId" JOIN "Gpu" g ON g.id = l."gpuId" JOIN "Server" s ON s.id = g."serverId"
JOIN "GpuLastSeen" ls ON ls."gpuId" = g.id AND ls.at >= $2
WHERE f.name = ANY($1::text[])`;
const SEEN_SQL = `SELECT g.uuid, s.hostname, g.index, ls.at FROM "GpuLastSeen" ls JOIN "Gpu" g ON g.id = ls."gpuId" JOIN "Server" s ON s.id = g."serverId"`;

// One query per scrape for all GPUs' newest readings, shared by the gauges below.
let pending: Promise<Reading[]> | null = null;
function readingsOnce(): Promise<Reading[]> {
  pending ??= getTelemetrySettings()
    .then((settings) =>
      getPool().query<Reading>(READINGS_SQL, [
        [readingFields.utilPct, readingFields.tempC, readingFields.powerW],
        staleBefore(new Date(), settings.staleAfterMinutes),
      ]),
    )
    .then((r) => r.rows)
    .finally(() => setTimeout(() => (pending = null), 0));
  return pending;
}

const labelsOf = (r: { uuid: string; hostname: string; index: number }) => ({
  uuid: r.uuid,
  hostname: r.hostname,
  gpu: String(r.index),
});

function latestGauge(name: string, help: string, field: string) {
  return new Gauge({
    name,
    help,
    labelNames: ["uuid", "hostname", "gpu"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await readingsOnce()) if (r.name === field) this.set(labelsOf(r), r.value);
    },
  });
}

latestGauge(
  "rackmind_gpu_utilization_percent",
  "Newest GPU utilisation reported by dcgm, percent (GPUs within the stale threshold only).",
  readingFields.utilPct,
);
latestGauge(
  "rackmind_gpu_temperature_celsius",
  "Newest GPU temperature reported by dcgm, °C (GPUs within the stale threshold only).",
  readingFields.tempC,
);
latestGauge(
  "rackmind_gpu_power_watts",
  "Newest GPU power draw reported by dcgm, watts (GPUs within the stale threshold only).",
  readingFields.powerW,
);

new Gauge({
  name: "rackmind_gpu_last_sample_timestamp_seconds",
  help: "Unix time of each GPU's newest telemetry sample (any field); absent for GPUs that never reported.",
  labelNames: ["uuid", "hostname", "gpu"],
  registers: [registry],
  async collect() {
    this.reset();
    for (const r of (await getPool().query<Seen>(SEEN_SQL)).rows) this.set(labelsOf(r), r.at.getTime() / 1000);
  },
});
