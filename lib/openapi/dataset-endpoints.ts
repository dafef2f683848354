import { z } from "zod";
import { DatasetSummaryOut, DatasetVersionOut, DatasetVersionSummaryOut, UploadDatasetOut } from "../datasets/dataset-views";
import { DatasetVersionQuery, ListDatasetsQuery, UploadDatasetParams } from "../datasets/schemas";
import { pageOf, registerEndpoint } from "./registry";

// The datasets endpoints, registered from their own module so the OpenAPI
// document grows by one import per domain rather than by edits in one file.

const nameParam = z.object({ name: z.string().meta({ description: "dataset name; also `name@version` or a version id" }) });

export function registerDatasetEndpoints(): void {
  registerEndpoint({
    method: "post",
    path: "/api/v1/datasets",
    summary: "Upload a CSV as the next version of a dataset, cleaned on the way in",
    description:
      "The body is the CSV (text/csv, up to 100 MiB). Cleaning: duplicates removed; missing cells (empty, ?, NA, N/A, NaN, and 0 in zeroMissing columns) counted and imputed (median for numeric, mode for categorical, or as `impute` says) or, with missing=drop, their rows dropped; rows without a target dropped; IQR outliers flagged, not removed; categorical features one-hot encoded; labels mapped to indexes. " +
      "201 for a new version; **200 with the existing version** (`isExisting: true`) when the same bytes with the same options were uploaded to this name before. " +
      "A file that cannot become a dataset (ragged rows, no data rows, unknown target, one class) is a 422 with details [{line, message}] or [{path, message}], and nothing is written.",
    role: "operator",
    request: { query: UploadDatasetParams, body: { content: { "text/csv": { schema: z.string() } } } },
    ok: { status: 201, description: "Created (200 when the upload repeats an existing version)", schema: UploadDatasetOut },
    errors: [400, 413, 415, 422],
  });
  registerEndpoint({ method: "get", path: "/api/v1/datasets", summary: "List datasets with their latest version", role: "viewer", request: { query: ListDatasetsQuery }, ok: { status: 200, description: "A page of datasets, by name", schema: pageOf(DatasetSummaryOut) }, errors: [400, 422] });
  registerEndpoint({
    method: "get",
    path: "/api/v1/datasets/{name}",
    summary: "A dataset version with its cleaning report (the latest unless ?version=)",
    role: "viewer",
    request: { params: nameParam, query: DatasetVersionQuery },
    ok: { status: 200, description: "The version", schema: DatasetVersionOut },
    errors: [404, 422],
  });
  registerEndpoint({
    method: "get",
    path: "/api/v1/datasets/{name}/versions",
    summary: "A dataset's versions, newest first",
    role: "viewer",
    request: { params: z.object({ name: z.string() }), query: ListDatasetsQuery },
    ok: { status: 200, description: "A page of versions", schema: pageOf(DatasetVersionSummaryOut) },
    errors: [400, 404, 422],
  });
}
