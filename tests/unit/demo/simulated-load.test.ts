import { describe, expect, it } from "vitest";
import { planDemoFleet } from "../../../lib/demo/demo-fleet-plan";
import { DCGM_DEFAULT_FIELDS } from "../../../lib/telemetry/dcgm/fields";
import {
  diurnalUtilisation,
  ENERGY_EPOCH_MS,
  LOAD_BUCKET_MS,
  profileForModel,
  simulateGpuReadings,
} from "../../../lib/demo/simulated-load";

const fleet = planDemoFleet();
const hostnameOf = new Map(fleet.servers.map((s) => [s.id, s.hostname]));
const gpus = fleet.gpus.map((g) => ({ ...g, hostname: hostnameOf.get(g.serverId)! }));
const healthy = gpus.filter((g) => g.health === "healthy");
const T0 = Date.UTC(2026, 2, 10, 0, 0, 0);
const HOUR = 3_600_000;
// Every 37 minutes over two days: all phases of the day, many noise buckets.
const times = Array.from({ length: 78 }, (_, i) => T0 + i * 37 * 60_000);

function gpuAt(hostname: string, index: number) {
  return gpus.find((g) => g.hostname === hostname && g.index === index)!;
}

describe("profileForModel", () => {
  it("uses each demo model's TDP", () => {
    expect(profileForModel("NVIDIA H100 80GB HBM3").tdpW).toBe(700);
    expect(profileForModel("NVIDIA A100-SXM4-40GB").tdpW).toBe(400);
    expect(profileForModel("NVIDIA L40S").tdpW).toBe(350);
  });
});

describe("simulateGpuReadings", () => {
  it("gives the same readings for the same GPU and time, and reports every default field", () => {
    const gpu = healthy[0]!;
    const readings = simulateGpuReadings(gpu, T0 + 12_345);
    expect(simulateGpuReadings({ ...gpu }, T0 + 12_345)).toEqual(readings);
    expect(Object.keys(readings).sort()).toEqual(DCGM_DEFAULT_FIELDS.map((f) => f.name).sort());
    for (const value of Object.values(readings)) expect(Number.isFinite(value)).toBe(true);
  });

  it("changes noise only between time buckets", () => {
    const gpu = healthy[3]!;
    const start = Math.floor(T0 / LOAD_BUCKET_MS) * LOAD_BUCKET_MS;
    const a = simulateGpuReadings(gpu, start + 1_000);
    const b = simulateGpuReadings(gpu, start + LOAD_BUCKET_MS - 1_000);
    expect(b.DCGM_FI_DEV_GPU_UTIL).toBe(a.DCGM_FI_DEV_GPU_UTIL);
    expect(b.DCGM_FI_DEV_POWER_USAGE).toBe(a.DCGM_FI_DEV_POWER_USAGE);
    const later = Array.from(
      { length: 20 },
      (_, i) => simulateGpuReadings(gpu, start + (i + 1) * LOAD_BUCKET_MS).DCGM_FI_DEV_POWER_USAGE,
    );
    expect(new Set(later).size).toBeGreaterThan(1);
  });

  it("follows the day-long curve within the noise, and different GPUs peak at different times", () => {
    for (const gpu of healthy.slice(0, 40)) {
      for (const t of times) {
        const util = simulateGpuReadings(gpu, t).DCGM_FI_DEV_GPU_UTIL;
        expect(Math.abs(util - diurnalUtilisation(gpu.uuid, t))).toBeLessThanOrEqual(8.5);
      }
    }
    expect(new Set(healthy.slice(0, 10).map((g) => Math.round(diurnalUtilisation(g.uuid, T0)))).size).toBeGreaterThan(
      5,
    );
  });

  it("keeps healthy GPUs' readings in physical ranges, with memory, temperature and power following utilisation", () => {
    for (const gpu of healthy) {
      const profile = profileForModel(gpu.model);
      for (const t of times.filter((_, i) => i % 6 === gpu.index % 6)) {
        const r = simulateGpuReadings(gpu, t);
        expect(r.DCGM_FI_DEV_GPU_UTIL).toBeGreaterThanOrEqual(0);
        expect(r.DCGM_FI_DEV_GPU_UTIL).toBeLessThanOrEqual(100);
        expect(r.DCGM_FI_DEV_GPU_TEMP).toBeGreaterThanOrEqual(30);
        expect(r.DCGM_FI_DEV_GPU_TEMP).toBeLessThanOrEqual(85);
        expect(r.DCGM_FI_DEV_POWER_USAGE).toBeGreaterThanOrEqual(profile.idleW);
        expect(r.DCGM_FI_DEV_POWER_USAGE).toBeLessThanOrEqual(profile.tdpW);
        expect(r.DCGM_FI_DEV_FB_USED + r.DCGM_FI_DEV_FB_FREE).toBe(gpu.memoryMiB);
        expect(r.DCGM_FI_DEV_SM_CLOCK).toBeLessThanOrEqual(profile.maxSmClockMHz);
        expect(r.DCGM_FI_DEV_XID_ERRORS).toBe(0);
      }
    }
    const samples = healthy.flatMap((g) => times.map((t) => simulateGpuReadings(g, t)));
    const busy = samples.filter((r) => r.DCGM_FI_DEV_GPU_UTIL >= 70);
    const quiet = samples.filter((r) => r.DCGM_FI_DEV_GPU_UTIL <= 30);
    const mean = (rows: typeof samples, key: keyof (typeof samples)[number]) =>
      rows.reduce((s, r) => s + r[key], 0) / rows.length;
    for (const key of ["DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE"] as const) {
      expect(mean(busy, key), key).toBeGreaterThan(mean(quiet, key) * 1.3);
    }
  });

  it("only ever increases the counters, and energy grows by power × time", () => {
    const gpu = healthy[7]!;
    const counters = [
      "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
      "DCGM_FI_DEV_PCIE_TX_THROUGHPUT",
      "DCGM_FI_DEV_PCIE_RX_THROUGHPUT",
      "DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL",
    ] as const;
    let previous = simulateGpuReadings(gpu, times[0]!);
    for (const t of times.slice(1)) {
      const now = simulateGpuReadings(gpu, t);
      for (const key of counters) expect(now[key], key).toBeGreaterThanOrEqual(previous[key]);
      previous = now;
    }
    const profile = profileForModel(gpu.model);
    const joules =
      (simulateGpuReadings(gpu, T0 + HOUR).DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION -
        simulateGpuReadings(gpu, T0).DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION) /
      1000;
    expect(joules / 3600).toBeGreaterThanOrEqual(profile.idleW);
    expect(joules / 3600).toBeLessThanOrEqual(profile.tdpW);
    expect(simulateGpuReadings(gpu, ENERGY_EPOCH_MS).DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION).toBe(0);
  });

  it("reports the XID named in a failed GPU's health reason, and drains it", () => {
    const offTheBus = simulateGpuReadings(gpuAt("ams1-r01-n02", 5), T0);
    expect(offTheBus.DCGM_FI_DEV_XID_ERRORS).toBe(79);
    expect(offTheBus.DCGM_FI_DEV_GPU_UTIL).toBe(0);
    const ecc = simulateGpuReadings(gpuAt("pdx1-r02-n03", 1), T0);
    expect(ecc.DCGM_FI_DEV_XID_ERRORS).toBe(48);
    expect(ecc.DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS).toBeGreaterThan(0);
    expect(gpus.filter((g) => simulateGpuReadings(g, T0).DCGM_FI_DEV_XID_ERRORS !== 0)).toHaveLength(
      gpus.filter((g) => g.health === "failed").length,
    );
  });

  it("reports the temperature a GPU degraded for heat was flagged at", () => {
    const hot = gpuAt("ams1-r02-n04", 2);
    expect(hot.healthReason).toContain("91");
    for (const t of times)
      expect(Math.abs(simulateGpuReadings(hot, t).DCGM_FI_DEV_GPU_TEMP - 91)).toBeLessThanOrEqual(1);
  });
});
