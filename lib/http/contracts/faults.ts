import { z } from "zod";
import { FaultsOverviewOut, NodeFaultOut } from "../../faults/outputs";
import { FaultActionInput, FaultSettings, UpdateFaultSettings } from "../../faults/schemas";
import { defineContract } from "../contract";

// The GPU fault workflow: a node from its XID to its return to service.

const hostParams = z.object({ hostname: z.string().min(1).max(253) });

export const getNodeFault = defineContract({
  method: "get",
  path: "/api/v1/servers/{hostname}/fault",
  permission: "inventory.read",
  summary: "Where a node is in the fault workflow, what the XID catalog recommends, and every step so far",
  params: hostParams,
  response: { status: 200, description: "The node's fault state", schema: NodeFaultOut },
  errors: [404],
});

export const applyFaultAction = defineContract({
  method: "post",
  path: "/api/v1/servers/{hostname}/fault",
  permission: "inventory.write",
  summary: "Take a step: quarantine, drain, remediate, return (to service) or rma, with a note (audited)",
  description:
    "From in service: quarantine; quarantined: drain (running jobs are re-queued to resume from their last checkpoint elsewhere; the node is drained once none holds its GPUs); drained: remediate or rma; remediating: return or rma; rma: return. " +
    "Returning clears the node's failed GPUs (the XID they report now is accepted; a new one fails them again). A step that is not open from the node's state → 409. The scheduler places nothing on a node in the workflow.",
  params: hostParams,
  body: FaultActionInput,
  response: { status: 200, description: "The node's fault state", schema: NodeFaultOut },
  errors: [404, 409],
});

export const getFaultsOverview = defineContract({
  method: "get",
  path: "/api/v1/faults",
  permission: "inventory.read",
  summary: "Nodes out of service and the automatic quarantine's circuit breaker",
  response: { status: 200, description: "Nodes and breaker", schema: FaultsOverviewOut },
});

export const getFaultSettings = defineContract({
  method: "get",
  path: "/api/v1/faults/settings",
  permission: "inventory.read",
  summary: "Automatic quarantine and its circuit breaker",
  response: { status: 200, description: "Settings", schema: FaultSettings },
});

export const updateFaultSettings = defineContract({
  method: "patch",
  path: "/api/v1/faults/settings",
  permission: "faults.settings",
  summary: "Change automatic quarantine or its circuit breaker (admin; audited)",
  body: UpdateFaultSettings,
  response: { status: 200, description: "Settings", schema: FaultSettings },
});
