import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { deleteGpu, getGpu, updateGpu } from "@/lib/inventory/gpus";
import { UpdateGpuInput } from "@/lib/inventory/schemas";

type P = { uuid: string };

export const GET = withAuth<P>("inventory.read", async (_req, { params }) => Response.json(await getGpu(params.uuid)));

export const PATCH = withAuth<P>("inventory.write", async (req, { user, params }) =>
  Response.json(await updateGpu(params.uuid, await readJson(req, UpdateGpuInput), user)),
);

export const DELETE = withAuth<P>("inventory.write", async (_req, { user, params }) => {
  await deleteGpu(params.uuid, user);
  return new Response(null, { status: 204 });
});
