import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { clearGpuHealth } from "@/lib/inventory/gpu-health";
import { getGpu } from "@/lib/inventory/gpus";
import { GpuHealthNoteInput } from "@/lib/inventory/schemas";

type P = { uuid: string };

export const POST = withAuth<P>("inventory.write", async (req, { user, params }) => {
  await clearGpuHealth(params.uuid, await readJson(req, GpuHealthNoteInput), user);
  return Response.json(await getGpu(params.uuid));
});
