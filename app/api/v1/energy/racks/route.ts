import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { listRackPower } from "@/lib/energy/reports/rack-power";
import { wholePage } from "@/lib/pagination";

export const GET = defineRoute(contracts.listRackPower, async ({ query }) => wholePage(await listRackPower(query)));
