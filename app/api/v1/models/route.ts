import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { listModels } from "@/lib/models/models";

export const GET = defineRoute(contracts.listModels, async ({ query }) => listModels(query));
