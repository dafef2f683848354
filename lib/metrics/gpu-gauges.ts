import { Gauge } from "prom-client";
import { getPool } from "../database/pool";
import { readingFields } from "../telemetry/latest";
import { registry } from "./registry";

type Reading = { uuid: string; hostname: string; index: number; name: string; value: number };

// One query per scrape for all GPUs' newest readings, shared by the gauges below.
let pending: Promise<Reading[]> | null = null;
function readingsOnce(): Promise<Reading[]> {
  pending ??= getPool()
    .query<Reading>(
      `SELECT g.uuid, s.hostname, g.index, f.name, l.value FROM "GpuLatest" l
       JOIN "TelemetryField" f ON f.id = l."fieldId" JOIN "Gpu" g ON g.id = l."gpuId" JOIN "Server" s ON s.id = g."serverId"
       WHERE f.name = ANY($1::text[])`,
      [[readingFields.utilPct, readingFields.tempC, readingFields.powerW]],
    )
    .then((r) => r.rows)
    .finally(() => setTimeout(() => (pending = null), 0));
  return pending;
}

function latestGauge(name: string, help: string, field: string) {
  return new Gauge({
    name,
    help,
    labelNames: ["uuid", "hostname", "gpu"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await readingsOnce()) if (r.name === field) this.set({ uuid: r.uuid, hostname: r.hostname, gpu: String(r.index) }, r.value);
    },
  });
}

latestGauge("rackmind_gpu_utilization_percent", "Newest GPU utilisation reported by dcgm, percent.", readingFields.utilPct);
latestGauge("rackmind_gpu_temperature_celsius", "Newest GPU temperature reported by dcgm, °C.", readingFields.tempC);
latestGauge("rackmind_gpu_power_watts", "Newest GPU power draw reported by dcgm, watts.", readingFields.powerW);
