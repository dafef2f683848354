/**
 * What to do about an XID, after NVIDIA's XID catalog and its resolution
 * buckets (docs.nvidia.com/deploy/xid-errors): most XIDs are the application's
 * (restart it), some need the GPU reset or the node rebooted, a few need the
 * vendor. Only the last three take a node out of service: a contained ECC
 * error (94) kills the job that touched the memory, not the node.
 */
export type XidAction = "ignore" | "restart_app" | "reset_gpu" | "reboot" | "contact_support";

export type XidEntry = { xid: number; name: string; action: XidAction };

const entries: XidEntry[] = [
  { xid: 13, name: "graphics engine exception", action: "restart_app" },
  { xid: 31, name: "GPU memory page fault", action: "restart_app" },
  { xid: 43, name: "GPU stopped processing", action: "restart_app" },
  { xid: 45, name: "preemptive cleanup after a previous error", action: "ignore" },
  { xid: 48, name: "double-bit ECC error", action: "reset_gpu" },
  { xid: 61, name: "internal micro-controller breakpoint/warning", action: "reset_gpu" },
  { xid: 62, name: "internal micro-controller halt", action: "reset_gpu" },
  { xid: 63, name: "ECC page retirement or row remapping recorded", action: "ignore" },
  { xid: 64, name: "ECC page retirement or row remapping failure", action: "reset_gpu" },
  { xid: 69, name: "graphics engine class error", action: "restart_app" },
  { xid: 74, name: "NVLink error", action: "reset_gpu" },
  { xid: 79, name: "GPU has fallen off the bus", action: "reboot" },
  { xid: 92, name: "high single-bit ECC error rate", action: "contact_support" },
  { xid: 94, name: "contained ECC error", action: "restart_app" },
  { xid: 95, name: "uncontained ECC error", action: "reset_gpu" },
  { xid: 109, name: "context switch timeout", action: "restart_app" },
  { xid: 119, name: "GSP RPC timeout", action: "reset_gpu" },
  { xid: 120, name: "GSP error", action: "reset_gpu" },
  { xid: 140, name: "unrecovered ECC error", action: "reset_gpu" },
];

export const XID_CATALOG: ReadonlyMap<number, XidEntry> = new Map(entries.map((e) => [e.xid, e]));

export const actionWords: Record<XidAction, string> = {
  ignore: "no action needed",
  restart_app: "restart the application",
  reset_gpu: "reset the GPU",
  reboot: "reboot the node",
  contact_support: "contact NVIDIA support",
};

/** The catalog's entry, or for an XID it does not list: reset the GPU, the safe default for an unknown fault. */
export function xidEntry(xid: number): XidEntry {
  return XID_CATALOG.get(xid) ?? { xid, name: "not in Rackmind's catalog", action: "reset_gpu" };
}

/** Whether an XID takes its node out of service until someone has remediated it. */
export const takesNodeOut = (action: XidAction) =>
  action === "reset_gpu" || action === "reboot" || action === "contact_support";
