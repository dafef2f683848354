import * as contracts from "@/lib/http/contracts/datasets";
import { defineRoute } from "@/lib/http/route";
import { listDatasetVersions } from "@/lib/datasets/datasets";
import { recleanDatasetVersion } from "@/lib/datasets/reclean";

export const GET = defineRoute(contracts.listDatasetVersions, async ({ params, query }) =>
  listDatasetVersions(params.name, query),
);

// A stored version's bytes cleaned again with changed options: 201 for a new
// version; 200 when those bytes and options already are a version (the upload's rule).
export const POST = defineRoute(contracts.recleanDatasetVersion, async ({ params, body, user }) => {
  const recleaned = await recleanDatasetVersion(params.name, body, user);
  return Response.json(recleaned, { status: recleaned.isExisting ? 200 : 201 });
});
