import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { compareVersions } from "@/lib/models/compare";

export const GET = defineRoute(contracts.compareModelVersions, async ({ params, query }) =>
  compareVersions(params.name, query.versions),
);
