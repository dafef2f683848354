import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { createSite, listSites } from "@/lib/inventory/sites";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listSites, async () => wholePage(await listSites()));

export const POST = defineRoute(contracts.createSite, async ({ body, user }) => createSite(body, user));
