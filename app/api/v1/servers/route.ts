import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { createServer } from "@/lib/inventory/server-changes";
import { listServers } from "@/lib/inventory/servers";

export const GET = defineRoute(contracts.listServers, async ({ query }) => listServers(query));

export const POST = defineRoute(contracts.createServer, async ({ body, user }) => createServer(body, user));
