import { z } from "zod";

const State = z.enum(["quarantined", "draining", "drained", "remediating", "rma"]).nullable();

export const FaultEventOut = z.object({
  at: z.string(),
  from: State,
  to: State,
  actor: z.string(),
  note: z.string(),
  details: z.unknown().nullable(),
});

export const NodeFaultOut = z
  .object({
    hostname: z.string(),
    state: State.describe("null: in service"),
    since: z.string().nullable(),
    reason: z.string().nullable(),
    actions: z.array(z.enum(["quarantine", "drain", "remediate", "return", "rma"])).describe("The steps open now"),
    recommended: z
      .object({ gpu: z.string(), xid: z.number().int(), name: z.string(), action: z.string(), words: z.string() })
      .nullable()
      .describe("What the XID catalog recommends for the newest XID on the node's GPUs"),
    runningJobs: z.number().int(),
    events: z.array(FaultEventOut),
  })
  .meta({ id: "NodeFault" });
export type NodeFaultOut = z.infer<typeof NodeFaultOut>;

export const BreakerOut = z.object({
  open: z.boolean(),
  quarantinedInWindow: z.number().int(),
  maxNodes: z.number().int(),
  windowMinutes: z.number().int(),
});

export const FaultsOverviewOut = z
  .object({
    autoQuarantine: z.boolean(),
    breaker: BreakerOut,
    nodes: z.array(NodeFaultOut.omit({ events: true })),
  })
  .meta({ id: "FaultsOverview" });
export type FaultsOverviewOut = z.infer<typeof FaultsOverviewOut>;
