import { readJson } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { CreateSiteInput } from "@/lib/inventory/schemas";
import { createSite, listSites } from "@/lib/inventory/sites";

export const GET = withAuth("inventory.read", async () => Response.json({ items: await listSites(), nextCursor: null }));

export const POST = withAuth("inventory.write", async (req, { user }) => {
  const input = await readJson(req, CreateSiteInput);
  return Response.json(await createSite(input, user), { status: 201 });
});
