import { z } from "zod";
import { PageQuery } from "../pagination";
import { Verdict } from "../training/schemas";

// The model registry's boundaries: names, the stored lineage, and what the API
// answers. Stored JSON is read through these schemas too, leniently where an
// older row may lack a field.

export const ModelName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only");

export const AliasName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_-]*$/, "lower-case letters, digits, dash and underscore, starting with a letter")
  .refine((a) => !/^v?\d+$/.test(a), "an alias cannot look like a version number")
  .refine((a) => a !== "latest", "`latest` is kept for the newest version");

const Note = z.string().trim().min(1).max(2000);
const Tags = z.array(z.string().trim().min(1).max(40)).max(20);

export const ModelParam = z.object({ name: ModelName });
export const VersionParam = z.object({
  name: ModelName,
  version: z.coerce.number().int().min(1, "a version is a number from 1"),
});
export const AliasParam = z.object({ name: ModelName, alias: AliasName });
export const PromotionParam = z.object({ name: ModelName, id: z.uuid({ message: "a promotion id is a UUID" }) });

// ─── The input signature: what serving validates instances against ──────────

export const SignatureFeature = z.discriminatedUnion("type", [
  z.object({
    name: z.string().min(1),
    type: z.literal("numeric"),
    /** Values that mean "missing" besides an empty cell (imputed at serving). */
    missingValues: z.array(z.number()).default([]),
  }),
  z.object({ name: z.string().min(1), type: z.literal("categorical"), categories: z.array(z.string()).min(1) }),
]);
export const Signature = z
  .object({
    features: z.array(SignatureFeature).min(1),
    target: z.string(),
    labels: z.array(z.string()).min(2),
  })
  .meta({
    id: "ModelSignature",
    description:
      "The input signature: feature names in the order instances are given as arrays, their types and categories, and the labels a prediction answers with",
  });
export type Signature = z.infer<typeof Signature>;

// ─── Lineage as stored on the version ───────────────────────────────────────

export const CodeVersion = z.object({
  kind: z.enum(["git", "package"]),
  value: z.string().meta({ description: "the git commit, or the package version when not a git checkout" }),
  rackmind: z.string().meta({ description: "Rackmind's package version" }),
});
export type CodeVersion = z.infer<typeof CodeVersion>;

export const LineageGpu = z.object({
  uuid: z.string(),
  index: z.number().int().nullable(),
  model: z.string().nullable(),
  hostname: z.string().nullable(),
  rack: z.string().nullable(),
  site: z.string().nullable(),
  from: z.string(),
  to: z.string(),
});
export type LineageGpu = z.infer<typeof LineageGpu>;

export const GpuEvent = z
  .object({
    uuid: z.string(),
    hostname: z.string().nullable(),
    kind: z.enum(["xid", "throttle", "temperature"]),
    /** The XID, the throttle-reason bits, or the peak temperature (°C). */
    value: z.number(),
    text: z.string(),
    from: z.string(),
    to: z.string(),
    samples: z.number().int(),
  })
  .meta({ id: "GpuEvent" });
export type GpuEvent = z.infer<typeof GpuEvent>;

export const GpuEventsOut = z.object({
  events: z.array(GpuEvent),
  /** Where the events were read from, in words (raw samples, minute rollups, or why none could be read). */
  basis: z.string(),
  /** GPUs that sent any telemetry during their allocation, of those allocated. */
  gpusReporting: z.number().int(),
  gpus: z.number().int(),
});
export type GpuEventsOut = z.infer<typeof GpuEventsOut>;

export const VersionLineage = z.object({
  source: z.enum(["trained", "external"]),
  dataset: z
    .object({
      id: z.string(),
      name: z.string(),
      version: z.number().int(),
      contentHash: z.string(),
      cleanedHash: z.string(),
      options: z.record(z.string(), z.unknown()),
    })
    .nullable(),
  /** The preprocessing fitted on the training split: imputation, scaling, encodings, label map. */
  preprocessing: z.record(z.string(), z.unknown()).nullable(),
  hyperparameters: z.record(z.string(), z.unknown()).nullable(),
  seed: z.number().int().nullable(),
  codeVersion: CodeVersion.nullable(),
  backend: z.string().nullable(),
  job: z
    .object({
      id: z.string(),
      createdBy: z.string(),
      team: z.string(),
      createdAt: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      attempts: z.number().int(),
    })
    .nullable(),
  run: z
    .object({ id: z.string(), epochs: z.number().int(), startedAt: z.string().nullable(), finishedAt: z.string() })
    .nullable(),
  gpus: z.array(LineageGpu),
  gpuEvents: GpuEventsOut.nullable(),
  /** For external models: who says where it came from. */
  externalSource: z.string().nullable().default(null),
});
export type VersionLineage = z.infer<typeof VersionLineage>;

export const StoredEvaluation = z.object({
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  rocAuc: z.number().nullable().default(null),
  confusion: z.array(z.array(z.number())),
  classes: z.array(z.string()),
  samples: z.number().nullable().default(null),
  split: z.string().nullable().default(null),
});

export const VersionMetrics = z.object({
  /** The run's evaluation (test split; validation or training data when there is none, see `split`). */
  evaluation: StoredEvaluation.nullable(),
  /** The kept epoch's validation figures; null without a validation split. */
  validation: z.object({ loss: z.number().nullable(), accuracy: z.number().nullable() }).nullable(),
  training: z.object({ loss: z.number(), accuracy: z.number(), epochs: z.number().int() }).nullable(),
  verdict: Verdict.nullable(),
});
export type VersionMetrics = z.infer<typeof VersionMetrics>;

export const VersionEnergy = z
  .object({
    kwh: z.number().nullable(),
    co2eKg: z.number().nullable(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    /** Share of the GPUs' allocated time that power telemetry covers (0–1); null when nothing was allocated. */
    coverage: z.number().nullable(),
    /** Why a figure is missing or partial, in words; null when complete. */
    note: z.string().nullable(),
    computedAt: z.string(),
  })
  .meta({ id: "ModelVersionEnergy" });
export type VersionEnergy = z.infer<typeof VersionEnergy>;

// ─── Inputs ─────────────────────────────────────────────────────────────────

export const UpdateModelInput = z
  .strictObject({ description: z.string().trim().max(2000).nullable().optional(), tags: Tags.optional() })
  .refine((u) => u.description !== undefined || u.tags !== undefined, { message: "send description and/or tags" })
  .meta({ id: "UpdateModelInput" });
export type UpdateModelInput = z.infer<typeof UpdateModelInput>;

export const UpdateVersionInput = z
  .strictObject({
    description: z.string().trim().max(2000).nullable().optional(),
    tags: Tags.optional(),
    archived: z.boolean().optional().meta({ description: "archive (hide from defaults) or restore" }),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: "send description, tags and/or archived" })
  .meta({ id: "UpdateModelVersionInput" });
export type UpdateVersionInput = z.infer<typeof UpdateVersionInput>;

export const MoveAliasInput = z
  .strictObject({
    version: z.number().int().min(1),
    note: Note.optional().meta({ description: "why; required for a protected alias" }),
  })
  .meta({ id: "MoveAliasInput" });
export type MoveAliasInput = z.infer<typeof MoveAliasInput>;

export const RemoveAliasQuery = z.object({ note: Note.optional() });

export const AliasPolicyInput = z
  .strictObject({
    protected: z.boolean(),
    requiresApproval: z.boolean().default(false).meta({ description: "a move waits for a second admin's approval" }),
  })
  .refine((p) => p.protected || !p.requiresApproval, { message: "only a protected alias can require approval" })
  .meta({ id: "AliasPolicyInput" });
export type AliasPolicyInput = z.infer<typeof AliasPolicyInput>;

export const DecidePromotionInput = z.strictObject({ note: Note.optional() }).meta({ id: "DecidePromotionInput" });

export const ListModelsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(64).optional().meta({ description: "name contains" }),
});
export type ListModelsQuery = z.infer<typeof ListModelsQuery>;

export const VersionSort = z.enum(["version", "created", "accuracy", "f1", "energy"]);
export type VersionSort = z.infer<typeof VersionSort>;

export const ListVersionsQuery = PageQuery.extend({
  sort: VersionSort.default("version"),
  order: z.enum(["asc", "desc"]).default("desc"),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
});
export type ListVersionsQuery = z.infer<typeof ListVersionsQuery>;

export const AliasHistoryQuery = PageQuery.extend({
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "the version that held the alias at this instant" }),
});
export type AliasHistoryQuery = z.infer<typeof AliasHistoryQuery>;

export const CompareQuery = z.object({
  versions: z
    .string()
    .regex(/^\d+(,\d+)+$/, "two or more version numbers, comma-separated, e.g. 3,4")
    .transform((s) => [...new Set(s.split(",").map(Number))])
    .refine((v) => v.length >= 2 && v.length <= 8, "compare 2 to 8 distinct versions"),
});
export type CompareQuery = z.infer<typeof CompareQuery>;

export const ListPromotionsQuery = z.object({
  status: z.enum(["pending", "approved", "rejected", "withdrawn", "superseded"]).optional(),
});
