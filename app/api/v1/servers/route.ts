import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { ListServersQuery } from "@/lib/inventory/schemas";
import { listServers } from "@/lib/inventory/servers";

export const GET = withAuth("inventory.read", async (req) => Response.json(await listServers(readQuery(req, ListServersQuery))));
