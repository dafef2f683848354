import { readJson, readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { createGpu, listGpus } from "@/lib/inventory/gpus";
import { CreateGpuInput, ListGpusQuery } from "@/lib/inventory/schemas";

export const GET = withAuth("inventory.read", async (req) => Response.json(await listGpus(readQuery(req, ListGpusQuery))));

export const POST = withAuth("inventory.write", async (req, { user }) => {
  const input = await readJson(req, CreateGpuInput);
  return Response.json(await createGpu(input, user), { status: 201 });
});
