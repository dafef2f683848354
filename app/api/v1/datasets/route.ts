import { readBodyText } from "@/lib/http/body";
import * as contracts from "@/lib/http/contracts/datasets";
import { defineRoute } from "@/lib/http/route";
import { listDatasets, uploadDataset } from "@/lib/datasets/datasets";
import { MAX_DATASET_BYTES } from "@/lib/datasets/schemas";

export const GET = defineRoute(contracts.listDatasets, async ({ query }) => listDatasets(query));

// 201 for a new version; 200 when the same bytes and options are already a version of this dataset.
export const POST = defineRoute(contracts.uploadDataset, async ({ req, query, user }) => {
  const uploaded = await uploadDataset(query.name, await readBodyText(req, MAX_DATASET_BYTES), query.options, user);
  return Response.json(uploaded, { status: uploaded.isExisting ? 200 : 201 });
});
