import { z } from "zod";
import { CreateGpuInput, GpuHealthNoteInput, GpuOut, ListGpusQuery, UpdateGpuInput } from "../../inventory/schemas";
import { defineContract, pageOf } from "../contract";

// GPUs in the inventory and an operator's word on their health (their telemetry: telemetry.ts).

const uuidParams = z.object({ uuid: z.string().meta({ description: "the GPU's UUID (GPU-…)" }) });

export const listGpus = defineContract({
  method: "get",
  path: "/api/v1/gpus",
  permission: "inventory.read",
  summary: "List GPUs with their latest telemetry and health",
  query: ListGpusQuery,
  response: { status: 200, description: "A page of GPUs", schema: pageOf(GpuOut) },
  errors: [400],
});

export const createGpu = defineContract({
  method: "post",
  path: "/api/v1/gpus",
  permission: "inventory.write",
  summary: "Register a GPU in a server",
  body: CreateGpuInput,
  response: { status: 201, description: "Created", schema: GpuOut },
  errors: [404, 409],
});

export const getGpu = defineContract({
  method: "get",
  path: "/api/v1/gpus/{uuid}",
  permission: "inventory.read",
  summary: "A GPU",
  params: uuidParams,
  response: { status: 200, description: "The GPU", schema: GpuOut },
  errors: [404],
});

export const updateGpu = defineContract({
  method: "patch",
  path: "/api/v1/gpus/{uuid}",
  permission: "inventory.write",
  summary: "Change a GPU (move it, or set health by hand with a reason)",
  params: uuidParams,
  body: UpdateGpuInput,
  response: { status: 200, description: "Changed", schema: GpuOut },
  errors: [404, 409],
});

export const deleteGpu = defineContract({
  method: "delete",
  path: "/api/v1/gpus/{uuid}",
  permission: "inventory.write",
  summary: "Remove a GPU",
  params: uuidParams,
  response: { status: 204, description: "Deleted" },
  errors: [404],
});

export const acknowledgeGpu = defineContract({
  method: "post",
  path: "/api/v1/gpus/{uuid}/acknowledge",
  permission: "inventory.write",
  summary: "Acknowledge a degraded or failed GPU with a note (health unchanged)",
  description: "The note is shown beside the health until a new cause appears. 409 on a healthy GPU.",
  params: uuidParams,
  body: GpuHealthNoteInput,
  response: { status: 200, description: "The GPU", schema: GpuOut },
  errors: [404, 409],
});

export const clearGpu = defineContract({
  method: "post",
  path: "/api/v1/gpus/{uuid}/clear",
  permission: "inventory.write",
  summary: "Return a degraded or failed GPU to service with a note",
  description:
    "Healthy, set by the operator. The failure values telemetry reports now (dcgm keeps the last XID) are accepted; " +
    "a new XID, more remapped rows or persisting heat set it unhealthy again. 409 on a healthy GPU.",
  params: uuidParams,
  body: GpuHealthNoteInput,
  response: { status: 200, description: "The GPU", schema: GpuOut },
  errors: [404, 409],
});
