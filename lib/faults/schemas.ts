import { z } from "zod";
import { partialUpdate } from "../partial-update";

export const FaultActionInput = z
  .object({
    action: z.enum(["quarantine", "drain", "remediate", "return", "rma"]),
    note: z.string().trim().min(1, "say what was done or why").max(2000),
  })
  .strict()
  .meta({ id: "FaultActionInput" });
export type FaultActionInput = z.infer<typeof FaultActionInput>;

/** The workflow's knobs (stored as a setting, admin-editable). */
export const FaultSettings = z
  .object({
    /** Take a node out of service by itself when one of its GPUs reports an XID that needs a reset, reboot or support. */
    autoQuarantine: z.boolean().default(true),
    /** Circuit breaker: at most this many nodes quarantined automatically within the window; beyond, a person decides. */
    breakerMaxNodes: z.number().int().min(1).max(10_000).default(3),
    breakerWindowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
  })
  .strict();
export type FaultSettings = z.infer<typeof FaultSettings>;
export const UpdateFaultSettings = partialUpdate(FaultSettings).strict().meta({ id: "UpdateFaultSettings" });
