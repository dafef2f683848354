import * as contracts from "@/lib/http/contracts/energy";
import { defineRoute } from "@/lib/http/route";
import { ingestEnergyReadings } from "@/lib/energy/meters/readings";

export const POST = defineRoute(contracts.postReadings, async ({ body, user }) => ingestEnergyReadings(body, user));
