import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { UpdateSiteInput } from "@/lib/inventory/schemas";
import { deleteSite, getSite, updateSite } from "@/lib/inventory/sites";

type P = { name: string };

export const GET = withAuth<P>("inventory.read", async (_req, { params }) => Response.json(await getSite(params.name)));

export const PATCH = withAuth<P>("inventory.write", async (req, { user, params }) =>
  Response.json(await updateSite(params.name, await readJson(req, UpdateSiteInput), user)),
);

export const DELETE = withAuth<P>("inventory.write", async (_req, { user, params }) => {
  await deleteSite(params.name, user);
  return new Response(null, { status: 204 });
});
