import { readQuery } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listDatasetVersions } from "@/lib/datasets/datasets";
import { ListDatasetsQuery } from "@/lib/datasets/schemas";

type P = { name: string };

export const GET = withAuth<P>("datasets.read", async (req, { params }) => Response.json(await listDatasetVersions(params.name, readQuery(req, ListDatasetsQuery))));
