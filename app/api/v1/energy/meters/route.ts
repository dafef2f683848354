import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { listMeters } from "@/lib/energy/meters/meters";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listMeters, async ({ query }) => wholePage(await listMeters(query)));
