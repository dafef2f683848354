import * as contracts from "@/lib/http/contracts/gpus";
import { defineRoute } from "@/lib/http/route";
import { createGpu, listGpus } from "@/lib/inventory/gpus";

export const GET = defineRoute(contracts.listGpus, async ({ query }) => listGpus(query));

export const POST = defineRoute(contracts.createGpu, async ({ body, user }) => createGpu(body, user));
