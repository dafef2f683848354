import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { listVersionsTrainedOn } from "@/lib/models/versions";

export const GET = defineRoute(contracts.listDatasetModels, async ({ params }) =>
  listVersionsTrainedOn(params.name, params.version),
);
