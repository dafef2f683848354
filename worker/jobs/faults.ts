import { autoQuarantine, settleDraining } from "../../lib/faults/node-faults";
import type { PeriodicJob } from "../periodic";

/** Quarantines and drains nodes whose GPUs report a node-level XID (within the circuit breaker); settles drains. */
export const FaultWorkflowJob: PeriodicJob = {
  name: "faults.workflow",
  everyMs: 5_000,
  quiet: true,
  run: async () => ({ ...(await autoQuarantine()), drained: await settleDraining() }),
};
