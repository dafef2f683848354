import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { getVersion, updateVersion } from "@/lib/models/versions";

export const GET = defineRoute(contracts.getModelVersion, async ({ params }) =>
  getVersion(params.name, params.version),
);

export const PATCH = defineRoute(contracts.updateModelVersion, async ({ params, body, user }) =>
  updateVersion(params.name, params.version, body, user),
);
