/**
 * The counters NVIDIA's dcgm-exporter serves by default (its
 * default-counters.csv), embedded as data so the product never reads the
 * exporter's files at run time. Order and help text are the exporter's own;
 * tests/unit/telemetry/dcgm/fields.test.ts keeps them equal to the fixture.
 *
 * `unit` is taken from the "(in X)" of the help text. Fields whose help names
 * no unit get a unit that says what the number is: a count, an XID code or a
 * 0/1 flag. DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL's help names no unit either,
 * so it is recorded as a plain count rather than guessed as bytes.
 */

export type DcgmMetricType = "gauge" | "counter";
export type DcgmUnit = "MHz" | "C" | "W" | "mJ" | "KB" | "%" | "MiB" | "count" | "xid" | "flag";
export type DcgmField = { name: string; type: DcgmMetricType; help: string; unit: DcgmUnit };

export const DCGM_DEFAULT_FIELDS = [
  // Clocks
  { name: "DCGM_FI_DEV_SM_CLOCK", type: "gauge", help: "SM clock frequency (in MHz).", unit: "MHz" },
  { name: "DCGM_FI_DEV_MEM_CLOCK", type: "gauge", help: "Memory clock frequency (in MHz).", unit: "MHz" },
  // Temperature
  { name: "DCGM_FI_DEV_MEMORY_TEMP", type: "gauge", help: "Memory temperature (in C).", unit: "C" },
  { name: "DCGM_FI_DEV_GPU_TEMP", type: "gauge", help: "GPU temperature (in C).", unit: "C" },
  // Power
  { name: "DCGM_FI_DEV_POWER_USAGE", type: "gauge", help: "Power draw (in W).", unit: "W" },
  {
    name: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
    type: "counter",
    help: "Total energy consumption since boot (in mJ).",
    unit: "mJ",
  },
  // PCIe
  {
    name: "DCGM_FI_DEV_PCIE_TX_THROUGHPUT",
    type: "counter",
    help: "Total number of bytes transmitted through PCIe TX (in KB) via NVML.",
    unit: "KB",
  },
  {
    name: "DCGM_FI_DEV_PCIE_RX_THROUGHPUT",
    type: "counter",
    help: "Total number of bytes received through PCIe RX (in KB) via NVML.",
    unit: "KB",
  },
  { name: "DCGM_FI_DEV_PCIE_REPLAY_COUNTER", type: "counter", help: "Total number of PCIe retries.", unit: "count" },
  // Utilisation (the sample period depends on the product)
  { name: "DCGM_FI_DEV_GPU_UTIL", type: "gauge", help: "GPU utilization (in %).", unit: "%" },
  { name: "DCGM_FI_DEV_MEM_COPY_UTIL", type: "gauge", help: "Memory utilization (in %).", unit: "%" },
  { name: "DCGM_FI_DEV_ENC_UTIL", type: "gauge", help: "Encoder utilization (in %).", unit: "%" },
  { name: "DCGM_FI_DEV_DEC_UTIL", type: "gauge", help: "Decoder utilization (in %).", unit: "%" },
  // Errors. The exporter ships POWER_VIOLATION and THERMAL_VIOLATION commented out.
  { name: "DCGM_FI_DEV_XID_ERRORS", type: "gauge", help: "Value of the last XID error encountered.", unit: "xid" },
  // Framebuffer memory
  { name: "DCGM_FI_DEV_FB_FREE", type: "gauge", help: "Framebuffer memory free (in MiB).", unit: "MiB" },
  { name: "DCGM_FI_DEV_FB_USED", type: "gauge", help: "Framebuffer memory used (in MiB).", unit: "MiB" },
  // NVLink (the ECC volatile totals are commented out in the exporter's list)
  {
    name: "DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL",
    type: "counter",
    help: "Total number of NVLink bandwidth counters for all lanes",
    unit: "count",
  },
  // Remapped rows
  {
    name: "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS",
    type: "counter",
    help: "Number of remapped rows for uncorrectable errors",
    unit: "count",
  },
  {
    name: "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS",
    type: "counter",
    help: "Number of remapped rows for correctable errors",
    unit: "count",
  },
  { name: "DCGM_FI_DEV_ROW_REMAP_FAILURE", type: "gauge", help: "Whether remapping of rows has failed", unit: "flag" },
] as const satisfies readonly DcgmField[];

export type DcgmFieldName = (typeof DCGM_DEFAULT_FIELDS)[number]["name"];

/**
 * The fields Rackmind derives GPU health from. All are in the default list.
 * DCGM_FI_DEV_CLOCK_THROTTLE_REASONS and its newer name
 * DCGM_FI_DEV_CLOCKS_EVENT_REASONS are NOT in dcgm-exporter's default list,
 * so health must not depend on them (an exporter would have to be configured
 * with a custom counters file to serve them).
 */
export const DCGM_HEALTH_FIELDS = {
  /** Last XID seen; 0 = none. 48 (double-bit ECC) and 79 (fallen off the bus) mean drain the GPU. */
  xid: "DCGM_FI_DEV_XID_ERRORS",
  /** 1 when the GPU ran out of spare rows: the memory can no longer be repaired. */
  rowRemapFailure: "DCGM_FI_DEV_ROW_REMAP_FAILURE",
  /** Rows remapped after uncorrectable errors; a rising count precedes failure. */
  uncorrectableRemappedRows: "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS",
} as const satisfies Record<string, DcgmFieldName>;

const byName = new Map<string, DcgmField>(DCGM_DEFAULT_FIELDS.map((f) => [f.name, f]));

/** The default field with this name, or undefined for a field the exporter does not serve by default. */
export function findDcgmField(name: string): DcgmField | undefined {
  return byName.get(name);
}
