/**
 * Board power (TDP) per GPU model, in watts: what a GPU may draw flat out, so
 * what the scheduler budgets against a rack's power cap for a GPU a job holds.
 * Matched on the model name as dcgm and inventories spell it ("NVIDIA H100
 * 80GB HBM3"), most specific first.
 */
const tdpByModel: { pattern: RegExp; watts: number }[] = [
  { pattern: /H100.*80\s*GB.*HBM3|H100 SXM/i, watts: 700 },
  { pattern: /H100.*PCIe/i, watts: 350 },
  { pattern: /A100-SXM4-80GB|A100.*SXM.*80/i, watts: 400 },
  { pattern: /A100-SXM4-40GB|A100.*SXM/i, watts: 400 },
  { pattern: /A100.*PCIe/i, watts: 250 },
  { pattern: /L40S/i, watts: 350 },
  { pattern: /\bL40\b/i, watts: 300 },
  { pattern: /\bL4\b/i, watts: 72 },
];

/** Used for a model the table does not know: a mid-range datacenter GPU. */
export const DEFAULT_GPU_TDP_W = 300;

export function gpuTdpWatts(model: string): number {
  return tdpByModel.find((t) => t.pattern.test(model))?.watts ?? DEFAULT_GPU_TDP_W;
}
