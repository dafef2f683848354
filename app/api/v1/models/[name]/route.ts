import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { getModel, updateModel } from "@/lib/models/models";

export const GET = defineRoute(contracts.getModel, async ({ params }) => getModel(params.name));

export const PATCH = defineRoute(contracts.updateModel, async ({ params, body, user }) =>
  updateModel(params.name, body, user),
);
