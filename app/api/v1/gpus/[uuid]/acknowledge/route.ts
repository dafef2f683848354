import * as contracts from "@/lib/http/contracts/gpus";
import { defineRoute } from "@/lib/http/route";
import { acknowledgeGpuHealth } from "@/lib/inventory/gpu-health";
import { getGpu } from "@/lib/inventory/gpus";

export const POST = defineRoute(contracts.acknowledgeGpu, async ({ params, body, user }) => {
  await acknowledgeGpuHealth(params.uuid, body, user);
  return getGpu(params.uuid);
});
