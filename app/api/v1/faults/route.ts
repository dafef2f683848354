import * as contracts from "@/lib/http/contracts/faults";
import { defineRoute } from "@/lib/http/route";
import { getFaultsOverview } from "@/lib/faults/node-faults";

export const GET = defineRoute(contracts.getFaultsOverview, async () => getFaultsOverview());
