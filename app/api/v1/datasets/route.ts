import { readBodyText, readQuery, requireContentType } from "@/lib/http/body";
import { withAuth } from "@/lib/http/with-auth";
import { listDatasets, uploadDataset } from "@/lib/datasets/datasets";
import { ListDatasetsQuery, MAX_DATASET_BYTES, UploadDatasetQuery } from "@/lib/datasets/schemas";

export const GET = withAuth("datasets.read", async (req) => Response.json(await listDatasets(readQuery(req, ListDatasetsQuery))));

// 201 for a new version; 200 when the same bytes and options are already a version of this dataset.
export const POST = withAuth("datasets.write", async (req, { user }) => {
  requireContentType(req, ["text/csv"]);
  const { name, options } = readQuery(req, UploadDatasetQuery);
  const uploaded = await uploadDataset(name, await readBodyText(req, MAX_DATASET_BYTES), options, user);
  return Response.json(uploaded, { status: uploaded.isExisting ? 200 : 201 });
});
