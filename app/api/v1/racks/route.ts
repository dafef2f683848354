import * as contracts from "@/lib/http/contracts/inventory";
import { defineRoute } from "@/lib/http/route";
import { createRack, listRacks } from "@/lib/inventory/racks";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listRacks, async ({ query }) => wholePage(await listRacks(query)));

export const POST = defineRoute(contracts.createRack, async ({ body, user }) => createRack(body, user));
