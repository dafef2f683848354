import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { deleteServer, updateServer } from "@/lib/inventory/server-changes";
import { getServer } from "@/lib/inventory/servers";

export const GET = defineRoute(contracts.getServer, async ({ params }) => getServer(params.hostname));

export const PATCH = defineRoute(contracts.updateServer, async ({ params, body, user }) =>
  updateServer(params.hostname, body, user),
);

export const DELETE = defineRoute(contracts.deleteServer, async ({ params, user }) =>
  deleteServer(params.hostname, user),
);
