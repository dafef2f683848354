import { readJson, readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listDatasetVersions } from "@/lib/datasets/datasets";
import { recleanDatasetVersion } from "@/lib/datasets/reclean";
import { ListDatasetsQuery, RecleanVersionBody } from "@/lib/datasets/schemas";

type P = { name: string };

export const GET = withAuth<P>("datasets.read", async (req, { params }) => Response.json(await listDatasetVersions(params.name, readQuery(req, ListDatasetsQuery))));

// A stored version's bytes cleaned again with changed options: 201 for a new
// version; 200 when those bytes and options already are a version (the upload's rule).
export const POST = withAuth<P>("datasets.write", async (req, { user, params }) => {
  const recleaned = await recleanDatasetVersion(params.name, await readJson(req, RecleanVersionBody), user);
  return Response.json(recleaned, { status: recleaned.isExisting ? 200 : 201 });
});
