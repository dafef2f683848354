import { DCGM_DEFAULT_FIELDS, type DcgmField } from "./fields";

/**
 * Renders a /metrics page the way dcgm-exporter does: for each field a HELP and
 * a TYPE line, then one line per GPU with the exporter's label set in its
 * order. Used by the simulator, the parser tests and the ingest benchmark.
 */

export type KubernetesLabels = { container: string; namespace: string; pod: string };

export type DcgmPageGpu = {
  /** nvidia-smi index on its host; becomes `gpu` and `device="nvidia<index>"`. */
  index: number;
  uuid: string;
  /** As nvidia-smi prints it, e.g. "00000000:18:00.0". */
  pciBusId: string;
  modelName: string;
  hostname: string;
  driverVersion?: string;
  /** The pod holding the GPU, when the exporter runs on Kubernetes. */
  kubernetes?: KubernetesLabels | null;
};

export type DcgmPageOptions<G extends DcgmPageGpu> = {
  value: (gpu: G, field: DcgmField) => number;
  /** Defaults to the exporter's default counters. */
  fields?: readonly DcgmField[];
  /** Used for GPUs without their own driverVersion. */
  driverVersion?: string;
  /** Add empty container/namespace/pod labels to GPUs no pod holds, as the exporter does on Kubernetes. */
  kubernetes?: boolean;
  /** Appended to every sample; dcgm-exporter itself sends none. */
  timestampMs?: number;
};

export const DEFAULT_DRIVER_VERSION = "535.183.01";

const noPod: KubernetesLabels = { container: "", namespace: "", pod: "" };

export function renderDcgmPage<G extends DcgmPageGpu>(gpus: readonly G[], opts: DcgmPageOptions<G>): string {
  const fields = opts.fields ?? DCGM_DEFAULT_FIELDS;
  // The label set is the same for every field of a GPU: build it once per GPU.
  const labelSets = gpus.map((gpu) => renderLabels(gpu, opts));
  const suffix = opts.timestampMs === undefined ? "\n" : ` ${Math.trunc(opts.timestampMs)}\n`;
  let out = "";
  for (const field of fields) {
    out += `# HELP ${field.name} ${escapeHelp(field.help)}\n# TYPE ${field.name} ${field.type}\n`;
    gpus.forEach((gpu, i) => {
      out += `${field.name}${labelSets[i]} ${formatSampleValue(opts.value(gpu, field))}${suffix}`;
    });
  }
  return out;
}

function renderLabels(gpu: DcgmPageGpu, opts: { driverVersion?: string; kubernetes?: boolean }): string {
  const driver = gpu.driverVersion ?? opts.driverVersion ?? DEFAULT_DRIVER_VERSION;
  let labels =
    `{gpu="${gpu.index}",UUID="${escapeLabelValue(gpu.uuid)}",pci_bus_id="${escapeLabelValue(gpu.pciBusId)}",device="nvidia${gpu.index}",` +
    `modelName="${escapeLabelValue(gpu.modelName)}",Hostname="${escapeLabelValue(gpu.hostname)}",DCGM_FI_DRIVER_VERSION="${escapeLabelValue(driver)}"`;
  const k8s = gpu.kubernetes ?? (opts.kubernetes ? noPod : null);
  if (k8s) {
    labels += `,container="${escapeLabelValue(k8s.container)}",namespace="${escapeLabelValue(k8s.namespace)}",pod="${escapeLabelValue(k8s.pod)}"`;
  }
  return `${labels}}`;
}

/** Prometheus spellings of the non-finite values; everything else in JS's shortest round-trip form. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

/** The text format escapes only backslash, double quote and newline in label values. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`)) : value;
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}
