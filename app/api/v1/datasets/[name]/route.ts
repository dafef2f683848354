import * as contracts from "@/lib/http/contracts/datasets";
import { defineRoute } from "@/lib/http/route";
import { getDatasetVersion } from "@/lib/datasets/datasets";

// `{name}` may also be `name@3` or a version id (getDatasetVersion's refs); ?version= picks a version of a name.
export const GET = defineRoute(contracts.getDatasetVersion, async ({ params, query }) =>
  getDatasetVersion(query.version === undefined ? params.name : `${params.name}@${query.version}`),
);
