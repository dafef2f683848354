import * as contracts from "@/lib/http/contracts/gpus";
import { defineRoute } from "@/lib/http/route";
import { deleteGpu, getGpu, updateGpu } from "@/lib/inventory/gpus";

export const GET = defineRoute(contracts.getGpu, async ({ params }) => getGpu(params.uuid));

export const PATCH = defineRoute(contracts.updateGpu, async ({ params, body, user }) =>
  updateGpu(params.uuid, body, user),
);

export const DELETE = defineRoute(contracts.deleteGpu, async ({ params, user }) => deleteGpu(params.uuid, user));
