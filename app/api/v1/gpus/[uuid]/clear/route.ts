import * as contracts from "@/lib/http/contracts/gpus";
import { defineRoute } from "@/lib/http/route";
import { clearGpuHealth } from "@/lib/inventory/gpu-health";
import { getGpu } from "@/lib/inventory/gpus";

export const POST = defineRoute(contracts.clearGpu, async ({ params, body, user }) => {
  await clearGpuHealth(params.uuid, body, user);
  return getGpu(params.uuid);
});
