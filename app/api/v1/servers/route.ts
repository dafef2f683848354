import { readJson, readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { CreateServerInput, ListServersQuery } from "@/lib/inventory/schemas";
import { createServer } from "@/lib/inventory/server-changes";
import { listServers } from "@/lib/inventory/servers";

export const GET = withAuth("inventory.read", async (req) => Response.json(await listServers(readQuery(req, ListServersQuery))));

export const POST = withAuth("inventory.write", async (req, { user }) => {
  const input = await readJson(req, CreateServerInput);
  return Response.json(await createServer(input, user), { status: 201 });
});
