import { z } from "zod";
import {
  DatasetSummaryOut,
  DatasetVersionOut,
  DatasetVersionSummaryOut,
  UploadDatasetOut,
} from "../../datasets/dataset-views";
import { DatasetVersionQuery, ListDatasetsQuery, RecleanVersionBody, UploadDatasetQuery } from "../../datasets/schemas";
import { defineContract, pageOf } from "../contract";

// Datasets: CSV uploads cleaned on the way in, their versions and re-cleaning.

const nameParams = z.object({
  name: z.string().meta({ description: "dataset name; also `name@version` or a version id" }),
});

export const uploadDataset = defineContract({
  method: "post",
  path: "/api/v1/datasets",
  permission: "datasets.write",
  summary: "Upload a CSV as the next version of a dataset, cleaned on the way in",
  description:
    "The body is the CSV (text/csv, up to 100 MiB). Cleaning: duplicates removed; missing cells (empty, ?, NA, N/A, NaN, and 0 in zeroMissing columns) counted and imputed (median for numeric, mode for categorical, or as `impute` says) or, with missing=drop, their rows dropped; rows without a target dropped; IQR outliers flagged, not removed; categorical features one-hot encoded; labels mapped to indexes. " +
    "201 for a new version; **200 with the existing version** (`isExisting: true`) when the same bytes with the same options were uploaded to this name before. " +
    "Two hashes: `contentHash` of the bytes as uploaded, and `cleanedHash` of the cleaned data training reads, so two versions of one file cleaned differently share the first and differ in the second. " +
    "`cleaning.zeroSuspects` lists numeric features whose exact zeros look like 'not measured' (a spike far below every other value); they are counted as values, and the version can be re-cleaned with zeroMissing for them (POST /api/v1/datasets/{name}/versions). " +
    "A file that cannot become a dataset (ragged rows, no data rows, unknown target, one class) is a 422 with details [{line, message}] or [{path, message}], and nothing is written.",
  // The query's strings become cleaning options here (UploadDatasetQuery); the document lists them as sent.
  query: UploadDatasetQuery,
  rawBody: { mediaTypes: ["text/csv"], description: "the CSV, up to 100 MiB" },
  response: {
    status: 201,
    description: "Created (200 when the upload repeats an existing version)",
    schema: UploadDatasetOut,
  },
  errors: [400],
});

export const listDatasets = defineContract({
  method: "get",
  path: "/api/v1/datasets",
  permission: "datasets.read",
  summary: "List datasets with their latest version",
  query: ListDatasetsQuery,
  response: { status: 200, description: "A page of datasets, by name", schema: pageOf(DatasetSummaryOut) },
  errors: [400],
});

export const getDatasetVersion = defineContract({
  method: "get",
  path: "/api/v1/datasets/{name}",
  permission: "datasets.read",
  summary: "A dataset version with its cleaning report (the latest unless ?version=)",
  params: nameParams,
  query: DatasetVersionQuery,
  response: { status: 200, description: "The version", schema: DatasetVersionOut },
  errors: [404],
});

export const listDatasetVersions = defineContract({
  method: "get",
  path: "/api/v1/datasets/{name}/versions",
  permission: "datasets.read",
  summary: "A dataset's versions, newest first",
  params: z.object({ name: z.string() }),
  query: ListDatasetsQuery,
  response: { status: 200, description: "A page of versions", schema: pageOf(DatasetVersionSummaryOut) },
  errors: [400, 404],
});

export const recleanDatasetVersion = defineContract({
  method: "post",
  path: "/api/v1/datasets/{name}/versions",
  permission: "datasets.write",
  summary: "Clean a stored version's bytes again with changed options, as the next version",
  description:
    "No upload needed: the bytes stored with version `from` are cleaned with that version's options, each option given in the body replacing the stored one (a list is replaced whole). " +
    'Typical use: `{from: 1, zeroMissing: ["c1","c2","c3","c4","c5"]}` after the report\'s zeroSuspects. Same rule as the upload: 201 for a new version (audited as `dataset.reclean`); ' +
    "**200 with the existing version** (`isExisting: true`) when a version already has these bytes and these resolved options, and nothing is written. " +
    "404 when the version does not exist; 422 when the options do not fit the file, with details [{path, message}], and nothing is written.",
  params: z.object({ name: z.string() }),
  body: RecleanVersionBody,
  response: { status: 201, description: "Created (200 when that version already exists)", schema: UploadDatasetOut },
  errors: [404, 409],
});
