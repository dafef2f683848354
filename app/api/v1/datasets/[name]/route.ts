import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { getDatasetVersion } from "@/lib/datasets/datasets";
import { DatasetVersionQuery } from "@/lib/datasets/schemas";

type P = { name: string };

// `{name}` may also be `name@3` or a version id (getDatasetVersion's refs); ?version= picks a version of a name.
export const GET = withAuth<P>("datasets.read", async (req, { params }) => {
  const { version } = readQuery(req, DatasetVersionQuery);
  return Response.json(await getDatasetVersion(version === undefined ? params.name : `${params.name}@${version}`));
});
