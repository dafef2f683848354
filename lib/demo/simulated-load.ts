import type { DcgmFieldName } from "../telemetry/dcgm/fields";

/**
 * Believable DCGM readings for a GPU at an instant, for the simulator and
 * tests. Deterministic: the same uuid and time give the same readings, and
 * noise changes only once per LOAD_BUCKET_MS, so tests can predict ranges.
 *
 * Utilisation follows a day-long sine (per-GPU phase) plus noise; memory,
 * temperature, power and clocks follow utilisation; counters (energy, PCIe,
 * NVLink) are closed-form integrals of the smooth curve since ENERGY_EPOCH_MS,
 * so they only ever increase.
 */

export type SimulatedGpu = {
  uuid: string;
  model: string;
  memoryMiB?: number | null;
  health?: "healthy" | "degraded" | "failed";
  healthReason?: string | null;
};

export type GpuProfile = {
  tdpW: number;
  idleW: number;
  maxSmClockMHz: number;
  idleSmClockMHz: number;
  memClockMHz: number;
  memoryMiB: number;
  /** Peak NVLink counter increase per second; 0 for PCIe-only cards. */
  nvlinkPerSecond: number;
};

export const LOAD_BUCKET_MS = 10_000;
/** Counters count from here, standing in for the node's last boot. */
export const ENERGY_EPOCH_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;
const OMEGA_PER_S = (2 * Math.PI) / (DAY_MS / 1000);
// Smooth utilisation as a fraction: MEAN ± SWING, so it stays within 0.15..0.85.
const UTIL_MEAN = 0.5;
const UTIL_SWING = 0.35;
const PCIE_TX_PEAK_KB_S = 1_500_000;
const PCIE_RX_PEAK_KB_S = 3_000_000;

// TDP and clocks from NVIDIA's data sheets for the SXM/PCIe parts the demo uses.
const profiles = {
  h100Sxm: {
    tdpW: 700,
    idleW: 70,
    maxSmClockMHz: 1980,
    idleSmClockMHz: 345,
    memClockMHz: 2619,
    memoryMiB: 81559,
    nvlinkPerSecond: 25_000_000,
  },
  h100Pcie: {
    tdpW: 350,
    idleW: 50,
    maxSmClockMHz: 1755,
    idleSmClockMHz: 345,
    memClockMHz: 1593,
    memoryMiB: 81559,
    nvlinkPerSecond: 0,
  },
  a100Sxm4: {
    tdpW: 400,
    idleW: 55,
    maxSmClockMHz: 1410,
    idleSmClockMHz: 210,
    memClockMHz: 1215,
    memoryMiB: 40960,
    nvlinkPerSecond: 15_000_000,
  },
  l40s: {
    tdpW: 350,
    idleW: 35,
    maxSmClockMHz: 2520,
    idleSmClockMHz: 210,
    memClockMHz: 9001,
    memoryMiB: 46068,
    nvlinkPerSecond: 0,
  },
  generic: {
    tdpW: 300,
    idleW: 40,
    maxSmClockMHz: 1700,
    idleSmClockMHz: 300,
    memClockMHz: 1500,
    memoryMiB: 24576,
    nvlinkPerSecond: 0,
  },
} satisfies Record<string, GpuProfile>;

/** The profile for a model name as nvidia-smi prints it, e.g. "NVIDIA H100 80GB HBM3". */
export function profileForModel(model: string): GpuProfile {
  if (model.includes("H100")) return model.includes("PCIe") ? profiles.h100Pcie : profiles.h100Sxm;
  if (model.includes("A100")) return profiles.a100Sxm4;
  if (model.includes("L40S")) return profiles.l40s;
  return profiles.generic;
}

/** Utilisation in % without noise: the day-long curve for this GPU. */
export function diurnalUtilisation(uuid: string, atMs: number): number {
  return 100 * (UTIL_MEAN + UTIL_SWING * Math.sin(OMEGA_PER_S * (atMs / 1000) + phaseOf(uuid)));
}

/** Every default DCGM field for this GPU at `atMs`. */
export function simulateGpuReadings(gpu: SimulatedGpu, atMs: number): Record<DcgmFieldName, number> {
  const profile = profileForModel(gpu.model);
  const memoryMiB = gpu.memoryMiB ?? profile.memoryMiB;
  const noise = (salt: string) => unitNoise(gpu.uuid, Math.floor(atMs / LOAD_BUCKET_MS), salt);
  const xid = gpu.health === "failed" ? failedXid(gpu.healthReason) : 0;
  // A GPU with an XID is drained: idle, but its counters and errors stay.
  const util = xid ? 0 : clamp(Math.round(diurnalUtilisation(gpu.uuid, atMs) + 16 * (noise("util") - 0.5)), 0, 100);
  const temp = gpuTemperature(gpu, util, noise("temp"));
  const fbUsed = Math.round(memoryMiB * (0.02 + 0.88 * (util / 100)) * (0.97 + 0.03 * noise("mem")));
  const activeFraction = xid ? 0 : smoothActiveSeconds(gpu.uuid, atMs);
  const elapsedS = Math.max(0, (atMs - ENERGY_EPOCH_MS) / 1000);
  return {
    DCGM_FI_DEV_SM_CLOCK:
      util < 3
        ? profile.idleSmClockMHz
        : 15 * Math.round((profile.maxSmClockMHz * (0.94 + 0.06 * noise("clock"))) / 15),
    DCGM_FI_DEV_MEM_CLOCK: profile.memClockMHz,
    DCGM_FI_DEV_MEMORY_TEMP: Math.min(95, temp + 3 + Math.floor(4 * noise("memtemp"))),
    DCGM_FI_DEV_GPU_TEMP: temp,
    DCGM_FI_DEV_POWER_USAGE: round3(
      profile.idleW + (profile.tdpW - profile.idleW) * (util / 100) * (0.92 + 0.08 * noise("power")),
    ),
    DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: Math.round(
      1000 * (profile.idleW * elapsedS + (profile.tdpW - profile.idleW) * activeFraction),
    ),
    DCGM_FI_DEV_PCIE_TX_THROUGHPUT: Math.round(PCIE_TX_PEAK_KB_S * activeFraction),
    DCGM_FI_DEV_PCIE_RX_THROUGHPUT: Math.round(PCIE_RX_PEAK_KB_S * activeFraction),
    DCGM_FI_DEV_PCIE_REPLAY_COUNTER: Math.floor(20 * unitNoise(gpu.uuid, 0, "replay") ** 6),
    DCGM_FI_DEV_GPU_UTIL: util,
    DCGM_FI_DEV_MEM_COPY_UTIL: clamp(Math.round(util * 0.6 + 10 * (noise("copy") - 0.5)), 0, 100),
    DCGM_FI_DEV_ENC_UTIL: 0,
    // L40S nodes serve inference, some of it video; training parts never decode.
    DCGM_FI_DEV_DEC_UTIL: profile === profiles.l40s ? Math.round(util * 0.15) : 0,
    DCGM_FI_DEV_XID_ERRORS: xid,
    DCGM_FI_DEV_FB_FREE: memoryMiB - fbUsed,
    DCGM_FI_DEV_FB_USED: fbUsed,
    DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL: Math.round(profile.nvlinkPerSecond * activeFraction),
    // XID 48 is a double-bit ECC error: the driver remaps the row it hit.
    DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS: xid === 48 ? 1 : 0,
    DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS: unitNoise(gpu.uuid, 0, "rows") < 0.1 ? 1 : 0,
    DCGM_FI_DEV_ROW_REMAP_FAILURE: 0,
  };
}

/** 30–85 °C following utilisation; a GPU degraded for heat reports the temperature its reason names. */
function gpuTemperature(gpu: SimulatedGpu, util: number, noise: number): number {
  const hot = gpu.health === "degraded" ? /temperature (\d+)/.exec(gpu.healthReason ?? "") : null;
  if (hot) return Number(hot[1]) + Math.round(2 * noise - 1);
  return clamp(Math.round(30 + 0.5 * util + 6 * (noise - 0.5)), 30, 85);
}

/** The XID a failed GPU's health reason names ("XID 79: …"); 79 if it names none. */
function failedXid(reason: string | null | undefined): number {
  const match = /XID (\d+)/.exec(reason ?? "");
  return match ? Number(match[1]) : 79;
}

/**
 * ∫ smooth utilisation dt from ENERGY_EPOCH_MS to atMs, in seconds at 100 %.
 * Multiplying by a peak rate gives a counter that only increases.
 */
function smoothActiveSeconds(uuid: string, atMs: number): number {
  const t0 = ENERGY_EPOCH_MS / 1000;
  const t1 = Math.max(t0, atMs / 1000);
  const phase = phaseOf(uuid);
  const swing = (UTIL_SWING * (Math.cos(OMEGA_PER_S * t0 + phase) - Math.cos(OMEGA_PER_S * t1 + phase))) / OMEGA_PER_S;
  return UTIL_MEAN * (t1 - t0) + swing;
}

function phaseOf(uuid: string): number {
  return 2 * Math.PI * unitNoise(uuid, 0, "phase");
}

/** A number in [0, 1) from FNV-1a over the key: cheap, stable across runs and platforms. */
function unitNoise(uuid: string, bucket: number, salt: string): number {
  const key = `${uuid}|${bucket}|${salt}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // One extra avalanche round: FNV's low bits barely change for keys that differ in the last character.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
