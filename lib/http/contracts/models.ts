import { z } from "zod";
import { RegisterExternalInput } from "../../models/external";
import {
  AliasAtOut,
  AliasMoveOut,
  AliasOut,
  AliasPolicyOut,
  CompareOut,
  DatasetModelsOut,
  ModelOut,
  ModelSummaryOut,
  ModelVersionOut,
  ModelVersionSummaryOut,
  PromotionOut,
} from "../../models/outputs";
import {
  AliasHistoryQuery,
  AliasParam,
  AliasPolicyInput,
  CompareQuery,
  DecidePromotionInput,
  ListModelsQuery,
  ListPromotionsQuery,
  ListVersionsQuery,
  ModelParam,
  MoveAliasInput,
  PromotionParam,
  RemoveAliasQuery,
  UpdateModelInput,
  UpdateVersionInput,
  VersionParam,
} from "../../models/schemas";
import { defineContract, pageOf } from "../contract";

// The model registry: models, versions with lineage, aliases with a ledger, promotions, compare, artifacts.

export const listModels = defineContract({
  method: "get",
  path: "/api/v1/models",
  permission: "models.read",
  summary: "Registered models, by name, each with its latest version and aliases",
  query: ListModelsQuery,
  response: { status: 200, description: "A page of models", schema: pageOf(ModelSummaryOut) },
  errors: [400],
});

export const getModel = defineContract({
  method: "get",
  path: "/api/v1/models/{name}",
  permission: "models.read",
  summary: "A model: latest version, aliases, alias policies, pending promotions",
  params: ModelParam,
  response: { status: 200, description: "The model", schema: ModelOut },
  errors: [404, 422],
});

export const updateModel = defineContract({
  method: "patch",
  path: "/api/v1/models/{name}",
  permission: "models.write",
  summary: "Change a model's description or tags (audited)",
  params: ModelParam,
  body: UpdateModelInput,
  response: { status: 200, description: "The model", schema: ModelOut },
  errors: [404],
});

export const listModelVersions = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/versions",
  permission: "models.read",
  summary: "A model's versions, sortable by version, date, accuracy, F1 or energy",
  description:
    "Archived versions are left out unless `archived=include` (or `only`). Versions without the figure sorted by go last.",
  params: ModelParam,
  query: ListVersionsQuery,
  response: { status: 200, description: "A page of versions", schema: pageOf(ModelVersionSummaryOut) },
  errors: [400, 404],
});

export const registerExternalVersion = defineContract({
  method: "post",
  path: "/api/v1/models/{name}/versions",
  permission: "models.write",
  summary: "Register a TF.js Layers model trained outside Rackmind as the next version",
  description:
    "The body carries the model.json, the weight bytes (base64) and the input signature. The weights must be exactly the bytes the manifest declares, the first layer must take the signature's encoded inputs (numbers as they are, categories one-hot in the order given) and the last layer give one output per label (or one for two labels). " +
    "Its lineage records `source` and marks it external; evaluate it with an evaluation job to give it figures.",
  params: ModelParam,
  body: RegisterExternalInput,
  response: {
    status: 201,
    description: "Registered",
    schema: z.object({ name: z.string(), version: z.number().int() }),
  },
  errors: [404],
});

export const getModelVersion = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/versions/{version}",
  permission: "models.read",
  summary: "A version with its full lineage, figures, verdict, energy and artifact hash",
  description:
    "`lineage`: the dataset version and its hashes, the fitted preprocessing, hyperparameters and seed, the code version and TF.js backend, the job and run, the GPUs held (with host, rack, site and allocation times) and `gpuEvents` — the XIDs, throttling and temperature excursions those GPUs showed while the run held them, read from telemetry (`basis` says from what, or why it is not known). " +
    "`energy`: kWh, CO₂e and cost of the run from the GPUs' power telemetry, with `coverage` and a `note` when partial or unknown.",
  params: VersionParam,
  response: { status: 200, description: "The version", schema: ModelVersionOut },
  errors: [404, 422],
});

export const updateModelVersion = defineContract({
  method: "patch",
  path: "/api/v1/models/{name}/versions/{version}",
  permission: "models.write",
  summary: "Change a version's description or tags, archive or restore it (audited)",
  description:
    "Weights, lineage and figures never change. An archived version is hidden from default lists and cannot be an alias's target, but stays readable; a version an alias points at cannot be archived (409). Versions are never deleted.",
  params: VersionParam,
  body: UpdateVersionInput,
  response: { status: 200, description: "The version", schema: ModelVersionOut },
  errors: [404, 409],
});

export const getModelArtifact = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/versions/{version}/artifact",
  permission: "models.read",
  summary: "The version's TF.js Layers model.json (load it with tf.loadLayersModel(thisUrl))",
  description:
    "Its weights manifest points at `artifact/weights.bin`, so stock `tf.loadLayersModel('<this URL>', {requestInit: {headers: {authorization: 'Bearer …'}}})` loads it. `userDefinedMetadata.rackmind` carries the preprocessing, labels and the artifact's sha256. " +
    "`?weights=inline` answers the model.json with `weightData` (base64) added, for tf.io.fromMemory. The content is checked against its sha256 on every read: a changed artifact is refused (500, code `integrity_error`).",
  params: VersionParam,
  query: z.object({ weights: z.enum(["url", "inline"]).default("url") }),
  response: {
    status: 200,
    description: "model.json",
    schema: z.record(z.string(), z.unknown()),
  },
  errors: [404, 500],
});

export const getModelArtifactFile = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/versions/{version}/artifact/{file}",
  permission: "models.read",
  summary: "One file of the artifact: model.json, weights.bin, or signature.json (preprocessing and signature)",
  description:
    "Save model.json and weights.bin in one folder and tf.loadLayersModel loads them. signature.json is the sidecar serving uses: the input signature, the fitted preprocessing, the artifact's sha256 and weights.bin's sha256.",
  params: VersionParam.extend({ file: z.enum(["model.json", "weights.bin", "signature.json"]) }),
  response: { status: 200, description: "The file", schema: z.unknown() },
  errors: [404, 500],
});

export const listAliases = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/aliases",
  permission: "models.read",
  summary: "A model's aliases and where they point",
  params: ModelParam,
  response: { status: 200, description: "Aliases", schema: z.object({ items: z.array(AliasOut) }) },
  errors: [404],
});

export const getAlias = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/aliases/{alias}",
  permission: "models.read",
  summary: "Where an alias points, who moved it there and when",
  params: AliasParam,
  response: { status: 200, description: "The alias", schema: AliasOut },
  errors: [404, 422],
});

export const moveAlias = defineContract({
  method: "put",
  path: "/api/v1/models/{name}/aliases/{alias}",
  permission: "models.write",
  summary: "Point an alias at a version, atomically (a ledger row records the move)",
  description:
    "One transaction moves the alias and writes its ledger row and audit row: a reader sees the old version or the new one, never none or two. Moving an alias to where it already points changes nothing. " +
    "A **protected** alias (`production` unless an admin set otherwise) needs `models.promote` (admin) and a `note`, else 403 / 422. " +
    "When the alias **requires approval**, nothing moves yet: the answer is **202** with the pending promotion request, which another admin approves (POST …/promotions/{id}/approve).",
  params: AliasParam,
  body: MoveAliasInput,
  response: {
    status: 200,
    description: "The alias, moved (202 and a promotion request when it needs approval)",
    schema: AliasOut,
  },
  errors: [404, 409],
});

export const removeAlias = defineContract({
  method: "delete",
  path: "/api/v1/models/{name}/aliases/{alias}",
  permission: "models.write",
  summary: "Remove an alias (a protected one needs models.promote and ?note=)",
  params: AliasParam,
  query: RemoveAliasQuery,
  response: { status: 204, description: "Removed" },
  errors: [404],
});

export const aliasHistory = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/aliases/{alias}/history",
  permission: "models.read",
  summary: "The promotion ledger of an alias; with ?at=, the version that held it at that instant",
  description:
    "Without `at`: every move, newest first ({fromVersion, toVersion, actor, note, approvedBy, at}). With `at`: `{alias, at, version, move}` — the version that held the alias then (null when none did) and the move that put it there: who, when and why.",
  params: AliasParam,
  query: AliasHistoryQuery,
  response: {
    status: 200,
    description: "The ledger, or the alias at an instant",
    schema: z.union([pageOf(AliasMoveOut), AliasAtOut]),
  },
  errors: [400, 404],
});

export const setAliasPolicy = defineContract({
  method: "put",
  path: "/api/v1/models/{name}/aliases/{alias}/policy",
  permission: "models.promote",
  summary: "Set whether an alias is protected and whether moves need a second admin's approval",
  params: AliasParam,
  body: AliasPolicyInput,
  response: { status: 200, description: "The policy", schema: AliasPolicyOut },
  errors: [404],
});

export const listPromotions = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/promotions",
  permission: "models.read",
  summary: "Promotion requests of a model (alias moves waiting for, or given, a second admin's approval)",
  params: ModelParam,
  query: ListPromotionsQuery,
  response: { status: 200, description: "Requests, newest first", schema: z.object({ items: z.array(PromotionOut) }) },
  errors: [404],
});

export const approvePromotion = defineContract({
  method: "post",
  path: "/api/v1/models/{name}/promotions/{id}/approve",
  permission: "models.promote",
  summary: "Approve a pending promotion: the alias moves now (another admin than the requester)",
  params: PromotionParam,
  body: DecidePromotionInput,
  response: { status: 200, description: "The request, approved", schema: PromotionOut },
  errors: [404, 409],
});

export const rejectPromotion = defineContract({
  method: "post",
  path: "/api/v1/models/{name}/promotions/{id}/reject",
  permission: "models.write",
  summary: "Reject a pending promotion (an admin), or withdraw it (its requester)",
  params: PromotionParam,
  body: DecidePromotionInput,
  response: { status: 200, description: "The request, rejected or withdrawn", schema: PromotionOut },
  errors: [404, 409],
});

export const compareModelVersions = defineContract({
  method: "get",
  path: "/api/v1/models/{name}/compare",
  permission: "models.read",
  summary:
    "Two to eight versions side by side: hyperparameter and preprocessing diff, metric deltas, confusion, verdicts, energy, GPU events",
  params: ModelParam,
  query: CompareQuery,
  response: { status: 200, description: "The comparison", schema: CompareOut },
  errors: [404],
});

export const listDatasetModels = defineContract({
  method: "get",
  path: "/api/v1/datasets/{name}/versions/{version}/models",
  permission: "models.read",
  summary: "Every model version trained on a dataset version, and which hold a protected alias (for a data recall)",
  params: z.object({ name: z.string(), version: z.coerce.number().int().min(1) }),
  response: { status: 200, description: "The versions", schema: DatasetModelsOut },
  errors: [404, 422],
});
