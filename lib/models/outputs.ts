import { CodedTextSchema } from "../i18n/coded-text";
import { z } from "zod";
import { Verdict, VerdictKind } from "../training/schemas";
import { GpuEventsOut, Signature, VersionEnergy, VersionLineage, VersionMetrics } from "./schemas";

// What the registry's API answers. Each has an OpenAPI id, so the document
// names them; the pages read the same shapes.

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AliasRef = z.object({ alias: z.string(), isProtected: z.boolean() });

export const ModelVersionSummaryOut = z
  .object({
    name: z.string(),
    version: z.number().int(),
    source: z.enum(["trained", "external"]),
    createdAt: z.string(),
    createdBy: z.string(),
    archived: z.boolean(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    aliases: z.array(AliasRef),
    dataset: z.string().nullable().meta({ description: "name@version it was trained on; null for external models" }),
    jobId: z.string().nullable(),
    verdict: z.object({ kind: VerdictKind, summary: z.string(), summaryCode: CodedTextSchema.optional() }).nullable(),
    accuracy: z.number().nullable(),
    f1: z.number().nullable(),
    split: z.string().nullable().meta({ description: "which rows accuracy and F1 are on (test, validation, train)" }),
    energyKwh: z.number().nullable(),
    co2eKg: z.number().nullable(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    energyNote: z
      .string()
      .nullable()
      .meta({ description: "why the energy, CO₂e or cost is missing or partial, in words; null when complete" }),
    gpuEvents: z.number().int().nullable().meta({ description: "GPU health events during the run; null when unknown" }),
  })
  .meta({ id: "ModelVersionSummary" });
export type ModelVersionSummaryOut = z.infer<typeof ModelVersionSummaryOut>;

export const VersionEvaluationOut = z.object({
  jobId: z.string(),
  dataset: z.string(),
  finishedAt: z.string().nullable(),
  accuracy: z.number(),
  f1: z.number(),
  samples: z.number().nullable(),
  verdict: z.object({ kind: VerdictKind, summary: z.string(), summaryCode: CodedTextSchema.optional() }).nullable(),
});

export const ModelVersionOut = ModelVersionSummaryOut.extend({
  id: z.string(),
  archivedAt: z.string().nullable(),
  archivedBy: z.string().nullable(),
  artifact: z.object({
    sha256: z.string(),
    weightsBytes: z.number().int(),
    format: z.literal("tfjs-layers"),
  }),
  signature: Signature,
  lineage: VersionLineage.extend({
    datasetHash: z.string().nullable().meta({ description: "sha256 of the dataset version's uploaded bytes" }),
  }),
  metrics: VersionMetrics,
  energy: VersionEnergy.extend({
    kwh: z.number().nullable(),
    co2eKg: z.number().nullable(),
  }),
  evaluations: z.array(VersionEvaluationOut).meta({ description: "evaluation jobs run on this version" }),
}).meta({ id: "ModelVersion" });
export type ModelVersionOut = z.infer<typeof ModelVersionOut>;

export const AliasOut = z
  .object({
    alias: z.string(),
    version: z.number().int(),
    isProtected: z.boolean(),
    requiresApproval: z.boolean(),
    movedBy: z.string(),
    movedAt: z.string(),
  })
  .meta({ id: "ModelAlias" });
export type AliasOut = z.infer<typeof AliasOut>;

export const AliasPolicyOut = z
  .object({ alias: z.string(), isProtected: z.boolean(), requiresApproval: z.boolean(), isDefault: z.boolean() })
  .meta({ id: "ModelAliasPolicy" });
export type AliasPolicyOut = z.infer<typeof AliasPolicyOut>;

export const AliasMoveOut = z
  .object({
    id: z.string(),
    alias: z.string(),
    fromVersion: z.number().int().nullable(),
    toVersion: z.number().int().nullable().meta({ description: "null: the alias was removed" }),
    actor: z.string(),
    note: z.string().nullable(),
    approvedBy: z.string().nullable(),
    requestId: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: "ModelAliasMove" });
export type AliasMoveOut = z.infer<typeof AliasMoveOut>;

export const AliasAtOut = z
  .object({
    alias: z.string(),
    at: z.string(),
    version: z.number().int().nullable().meta({ description: "the version that held the alias then; null: none" }),
    move: AliasMoveOut.nullable().meta({ description: "the move that put it there: who, when and why" }),
  })
  .meta({ id: "ModelAliasAt" });
export type AliasAtOut = z.infer<typeof AliasAtOut>;

export const PromotionOut = z
  .object({
    id: z.string(),
    alias: z.string(),
    version: z.number().int(),
    note: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    status: z.enum(["pending", "approved", "rejected", "withdrawn", "superseded"]),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: "ModelPromotionRequest" });
export type PromotionOut = z.infer<typeof PromotionOut>;

export const ModelSummaryOut = z
  .object({
    name: z.string(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    versions: z.number().int().meta({ description: "versions not archived" }),
    latest: ModelVersionSummaryOut.nullable(),
    aliases: z.array(AliasOut),
  })
  .meta({ id: "RegisteredModelSummary" });
export type ModelSummaryOut = z.infer<typeof ModelSummaryOut>;

export const ModelOut = ModelSummaryOut.extend({
  createdBy: z.string(),
  archivedVersions: z.number().int(),
  policies: z.array(AliasPolicyOut),
  pendingPromotions: z.array(PromotionOut),
}).meta({ id: "RegisteredModel" });
export type ModelOut = z.infer<typeof ModelOut>;

export const DiffRow = z.object({ key: z.string(), values: z.array(Scalar), differs: z.boolean() });
export type DiffRow = z.infer<typeof DiffRow>;

export const CompareOut = z
  .object({
    name: z.string(),
    versions: z.array(ModelVersionSummaryOut),
    hyperparameters: z.array(DiffRow),
    preprocessing: z.array(DiffRow),
    metrics: z.array(
      z.object({
        metric: z.string(),
        values: z.array(z.number().nullable()),
        deltas: z.array(z.number().nullable()).meta({ description: "each value minus the first version's" }),
      }),
    ),
    confusion: z.array(
      z.object({ version: z.number().int(), classes: z.array(z.string()), matrix: z.array(z.array(z.number())) }),
    ),
    verdicts: z.array(Verdict.nullable()),
    gpuEvents: z.array(GpuEventsOut.nullable()),
  })
  .meta({ id: "ModelVersionComparison" });
export type CompareOut = z.infer<typeof CompareOut>;

export const DatasetModelsOut = z
  .object({
    dataset: z.string(),
    versions: z.array(ModelVersionSummaryOut),
    protectedCount: z
      .number()
      .int()
      .meta({ description: "versions holding a protected alias: those a data recall must look at first" }),
  })
  .meta({ id: "DatasetModelVersions" });
export type DatasetModelsOut = z.infer<typeof DatasetModelsOut>;
