import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { UpdateServerInput } from "@/lib/inventory/schemas";
import { deleteServer, updateServer } from "@/lib/inventory/server-changes";
import { getServer } from "@/lib/inventory/servers";

type P = { hostname: string };

export const GET = withAuth<P>("inventory.read", async (_req, { params }) => Response.json(await getServer(params.hostname)));

export const PATCH = withAuth<P>("inventory.write", async (req, { user, params }) =>
  Response.json(await updateServer(params.hostname, await readJson(req, UpdateServerInput), user)),
);

export const DELETE = withAuth<P>("inventory.write", async (_req, { user, params }) => {
  await deleteServer(params.hostname, user);
  return new Response(null, { status: 204 });
});
