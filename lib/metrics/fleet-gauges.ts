import { Gauge } from "prom-client";
import { getFleetSummary } from "../inventory/fleet-summary";
import { version } from "../version";
import { registry } from "./registry";

new Gauge({
  name: "rackmind_build_info",
  help: "Rackmind version running (always 1).",
  labelNames: ["version"],
  registers: [registry],
  collect() {
    this.set({ version }, 1);
  },
});

// One database read per scrape, shared by the gauges below.
let pending: ReturnType<typeof getFleetSummary> | null = null;
function summaryOnce() {
  pending ??= getFleetSummary().finally(() => setTimeout(() => (pending = null), 0));
  return pending;
}

new Gauge({
  name: "rackmind_servers",
  help: "Servers in the inventory by status.",
  labelNames: ["status"],
  registers: [registry],
  async collect() {
    const s = await summaryOnce();
    for (const [status, n] of Object.entries(s.servers)) this.set({ status }, n);
  },
});

new Gauge({
  name: "rackmind_gpus",
  help: "GPUs in the inventory by last known health (see rackmind_gpus_stale for those telemetry no longer confirms).",
  labelNames: ["health"],
  registers: [registry],
  async collect() {
    const s = await summaryOnce();
    for (const [health, n] of Object.entries(s.gpus)) this.set({ health }, n);
  },
});

new Gauge({
  name: "rackmind_gpus_stale",
  help: "GPUs with no telemetry sample within the stale threshold (or none ever), by last known health.",
  labelNames: ["health"],
  registers: [registry],
  async collect() {
    const s = await summaryOnce();
    for (const [health, n] of Object.entries(s.silentByHealth)) this.set({ health }, n);
  },
});

new Gauge({
  name: "rackmind_gpus_never_reported",
  help: "GPUs in the inventory from which no telemetry sample has ever arrived.",
  registers: [registry],
  async collect() {
    this.set((await summaryOnce()).telemetry.never);
  },
});

new Gauge({
  name: "rackmind_gpus_by_model",
  help: "GPUs in the inventory by model.",
  labelNames: ["model"],
  registers: [registry],
  async collect() {
    const s = await summaryOnce();
    this.reset();
    for (const m of s.gpuModels) this.set({ model: m.model }, m.count);
  },
});

new Gauge({
  name: "rackmind_sites",
  help: "Sites in the inventory.",
  registers: [registry],
  async collect() {
    this.set((await summaryOnce()).sites);
  },
});

new Gauge({
  name: "rackmind_racks",
  help: "Racks in the inventory.",
  registers: [registry],
  async collect() {
    this.set((await summaryOnce()).racks);
  },
});
