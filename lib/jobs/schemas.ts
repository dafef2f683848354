import { z } from "zod";
import { CodedTextSchema } from "../i18n/coded-text";
import { ModelName } from "../models/schemas";
import { PageQuery } from "../pagination";
import { EvaluatedOn, ModelSpec, TrainingSpec, Verdict } from "../training/schemas";
import { cronProblem } from "./schedules/cron";

// The zod schemas at lib/jobs' boundaries: the POST /api/v1/jobs body, the job
// spec as stored, list queries, schedule and quota changes, and the answers.

export const JobPriority = z.enum(["low", "normal", "high"]).meta({ id: "JobPriority" });
export type JobPriority = z.infer<typeof JobPriority>;
export const JobStatus = z
  .enum(["queued", "placed", "running", "succeeded", "failed", "cancelled"])
  .meta({ id: "JobStatus" });
export type JobStatus = z.infer<typeof JobStatus>;
export const JobTemplate = z.enum(["xor-seed", "xor-adam"]).meta({ id: "JobTemplate" });
export type JobTemplate = z.infer<typeof JobTemplate>;

/** Quota holders are names in URLs (/api/v1/quotas/{team}). */
export const TeamName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash and underscore only");
/** `name`, `name@3`, or a dataset version's id (lib/datasets resolves it). */
const DatasetRef = z.string().trim().min(1).max(100);
export { ModelName };

export const CronSchedule = z
  .union([z.string(), z.strictObject({ cron: z.string(), timezone: z.string().default("UTC") })])
  .transform((s) =>
    typeof s === "string" ? { cron: s.trim(), timezone: "UTC" } : { cron: s.cron.trim(), timezone: s.timezone },
  )
  .superRefine((s, ctx) => {
    const problem = cronProblem(s.cron, s.timezone);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({ id: "CronSchedule", description: "five-field cron, as a string (UTC) or {cron, timezone}" });
export type CronSchedule = z.infer<typeof CronSchedule>;

/** Where a job may run: how many GPUs, and which. */
const PlacementFields = {
  gpus: z.number().int().min(1).max(64).default(1).meta({ description: "GPUs the job holds while it runs" }),
  gpuModel: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "substring of the GPU model, case-insensitive (e.g. H100)" }),
  minMemoryMiB: z
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .optional()
    .meta({ description: "only GPUs with at least this much memory" }),
  team: TeamName.optional().meta({ description: "quota holder; default: the submitter's name" }),
  priority: JobPriority.default("normal"),
};

// Every training field may be left out here: a template or TrainingSpec's own
// defaults fill it in (lib/jobs/templates.ts). Unwrapping the defaults keeps
// "not sent" distinguishable from "sent the default" when merging a template,
// down into `model`, which is merged field by field.
type Optionalised<Shape extends z.core.$ZodLooseShape> = {
  [K in keyof Shape]: Shape[K] extends z.ZodDefault<infer Inner> ? z.ZodOptional<Inner> : z.ZodOptional<Shape[K]>;
};
function withoutDefaults<Shape extends z.core.$ZodLooseShape>(shape: Shape): Optionalised<Shape> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
    ]),
  ) as unknown as Optionalised<Shape>;
}
const trainingFields = {
  ...withoutDefaults(TrainingSpec.shape),
  model: z.strictObject(withoutDefaults(ModelSpec.shape)).optional(),
};

export const TrainJobInput = z
  .strictObject({
    type: z.literal("train"),
    template: JobTemplate.optional().meta({
      description: "fills in the model, optimizer and the built-in xor dataset; fields sent override it",
    }),
    dataset: DatasetRef.optional().meta({
      description: "name, name@version or version id; required without a template",
    }),
    modelName: ModelName.optional(),
    ...trainingFields,
    ...PlacementFields,
    schedule: CronSchedule.optional().meta({ description: "submit this job at every cron time instead of once now" }),
  })
  .meta({ id: "TrainJobInput" });
export type TrainJobInput = z.infer<typeof TrainJobInput>;

export const EvaluateJobInput = z
  .strictObject({
    type: z.literal("evaluate"),
    model: z
      .strictObject({
        name: ModelName,
        version: z.number().int().min(1).optional(),
        alias: z.string().min(1).max(40).optional(),
      })
      .refine((m) => (m.version === undefined) !== (m.alias === undefined), {
        message: "give exactly one of version or alias",
      })
      .optional()
      .meta({ description: "the registered model version to evaluate, by number or alias (e.g. production)" }),
    run: z.uuid().optional().meta({ description: "or the training run whose model is evaluated" }),
    job: z.uuid().optional().meta({ description: "or the training job whose model is evaluated" }),
    dataset: DatasetRef.meta({ description: "name, name@version or version id to evaluate on (every row)" }),
    ...PlacementFields,
    gpus: z
      .number()
      .int()
      .min(0)
      .max(64)
      .default(0)
      .meta({ description: "evaluation is light; 0 runs it without holding a GPU" }),
  })
  .refine((e) => [e.model, e.run, e.job].filter((x) => x !== undefined).length === 1, {
    message: "give exactly one of model, run or job",
  })
  .meta({ id: "EvaluateJobInput" });
export type EvaluateJobInput = z.infer<typeof EvaluateJobInput>;

export const CreateJobInput = z
  .discriminatedUnion("type", [TrainJobInput, EvaluateJobInput])
  .meta({ id: "CreateJobInput" });
export type CreateJobInput = z.infer<typeof CreateJobInput>;

/** The spec as stored on Job.spec and JobSchedule.spec: dataset resolved, template applied, training spec complete. */
export const StoredJobSpec = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("train"),
    dataset: z.string(),
    datasetVersionId: z.uuid(),
    modelName: z.string().nullable(),
    template: JobTemplate.nullable(),
    training: TrainingSpec,
  }),
  z.object({
    type: z.literal("evaluate"),
    dataset: z.string(),
    datasetVersionId: z.uuid(),
    /** Null for a model registered from outside (no run). */
    sourceRunId: z.uuid().nullable(),
    /** The version evaluated, as resolved at submission (an alias's target then). Absent in jobs stored before the registry. */
    model: z.object({ name: z.string(), version: z.number().int(), alias: z.string().nullable() }).nullish(),
  }),
]);
export type StoredJobSpec = z.infer<typeof StoredJobSpec>;

export const CreatedJobOut = z
  .object({
    id: z.string().meta({ description: "the job's id; a schedule's id when the body had `schedule`" }),
    status: z.enum(["queued", "scheduled"]),
    schedule: z.object({ id: z.string(), cron: z.string(), timezone: z.string(), nextRunAt: z.string() }).optional(),
  })
  .meta({ id: "CreatedJob" });
export type CreatedJobOut = z.infer<typeof CreatedJobOut>;

export const ListJobsQuery = PageQuery.extend({
  status: JobStatus.optional(),
  priority: JobPriority.optional(),
  team: TeamName.optional(),
  schedule: z.uuid().optional().meta({ description: "jobs a schedule submitted" }),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;

export const JobIdParam = z.object({ id: z.uuid({ message: "a job id is a UUID" }) });
export const ScheduleIdParam = z.object({ id: z.uuid({ message: "a schedule id is a UUID" }) });

export const UpdateScheduleInput = z
  .strictObject({ enabled: z.boolean().optional(), schedule: CronSchedule.optional() })
  .refine((u) => u.enabled !== undefined || u.schedule !== undefined, { message: "send enabled and/or schedule" })
  .meta({ id: "UpdateScheduleInput" });
export type UpdateScheduleInput = z.infer<typeof UpdateScheduleInput>;

export const PutQuotaInput = z
  .strictObject({ maxGpus: z.number().int().min(0).max(100_000) })
  .meta({ id: "PutQuotaInput" });
export type PutQuotaInput = z.infer<typeof PutQuotaInput>;
export const TeamParam = z.object({ team: TeamName });

export const EpochOut = z
  .object({
    epoch: z.number().int(),
    loss: z.number(),
    valLoss: z.number().nullable(),
    accuracy: z.number(),
    valAccuracy: z.number().nullable(),
  })
  .meta({ id: "JobEpoch" });
export type EpochOut = z.infer<typeof EpochOut>;

export const EvaluationOut = z
  .object({
    accuracy: z.number(),
    precision: z.number(),
    recall: z.number(),
    f1: z.number(),
    /** confusion[actual][predicted] */
    confusion: z.array(z.array(z.number().int())),
    classes: z.array(z.string()),
    samples: z.number().int().nullable(),
    average: z.enum(["binary", "macro"]).meta({
      description:
        "binary: precision, recall and F1 are those of the second class (index 1); macro: averaged over the classes",
    }),
    rocAuc: z.number().nullable().meta({
      description:
        "area under the ROC curve of P(second class); binary only, null when not computed (multi-class, or one class absent)",
    }),
    split: EvaluatedOn.nullable().meta({
      description:
        "which rows the figures are on: the test split; the validation split when there is no test split; the training data when there is neither (not held out); all: every row of a dataset version (evaluation jobs). null when not recorded",
    }),
    heldOut: z
      .boolean()
      .nullable()
      .meta({ description: "whether the rows are ones the model never trained on; null when unknown" }),
    basis: z.string().meta({ description: "the same, in a sentence for a person" }),
  })
  .meta({ id: "JobEvaluation" });
export type EvaluationOut = z.infer<typeof EvaluationOut>;

export const PlacementOut = z
  .object({
    gpus: z.array(z.string()).meta({ description: "UUIDs of the GPUs the job holds (or held)" }),
    hosts: z.array(z.string()),
  })
  .meta({ id: "JobPlacement" });

export const JobSummaryOut = z
  .object({
    id: z.string(),
    type: z.enum(["train", "evaluate"]),
    status: JobStatus,
    priority: JobPriority,
    team: z.string(),
    dataset: z.string(),
    modelName: z.string().nullable(),
    request: z.object({
      gpus: z.number().int(),
      gpuModel: z.string().nullable(),
      minMemoryMiB: z.number().int().nullable(),
    }),
    progress: z.object({ epoch: z.number().int(), epochs: z.number().int() }),
    waitingReason: z.string().nullable(),
    waitingReasonCode: CodedTextSchema.nullable().meta({
      description: "waitingReason as a catalogue key (states.<code>) and values; null for an operator's words",
    }),
    error: z.string().nullable(),
    attempts: z.number().int(),
    runId: z.string().nullable(),
    scheduleId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    placedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    verdict: Verdict.nullable().meta({
      description:
        "whether the model is any good (the status only says the job ran): good, not_converged, overfitting or worse_than_baseline, with evidence and a suggestion. null until the job succeeds, and for jobs that finished before verdicts existed (not judged)",
    }),
  })
  .meta({ id: "JobSummary" });
export type JobSummaryOut = z.infer<typeof JobSummaryOut>;

export const JobOut = JobSummaryOut.extend({
  history: z.array(EpochOut),
  evaluation: EvaluationOut.nullable(),
  placement: PlacementOut,
  modelVersion: z.object({ name: z.string(), version: z.number().int() }).nullable().meta({
    description:
      "training jobs: the version the job registered when it succeeded (null before); evaluation jobs: the version evaluated (null for a run evaluated by id that predates the registry)",
  }),
  spec: z.record(z.string(), z.unknown()),
}).meta({ id: "Job" });
export type JobOut = z.infer<typeof JobOut>;

export const JobLogOut = z
  .object({ id: z.string(), at: z.string(), level: z.string(), message: z.string() })
  .meta({ id: "JobLogLine" });
export type JobLogOut = z.infer<typeof JobLogOut>;

export const ScheduleOut = z
  .object({
    id: z.string(),
    cron: z.string(),
    timezone: z.string(),
    enabled: z.boolean(),
    team: z.string(),
    spec: z.record(z.string(), z.unknown()),
    nextRunAt: z.string().nullable().meta({ description: "null while disabled" }),
    upcoming: z.array(z.string()).meta({ description: "the next few firings" }),
    lastRunAt: z.string().nullable(),
    jobs: z.number().int().meta({ description: "jobs this schedule submitted" }),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "JobSchedule" });
export type ScheduleOut = z.infer<typeof ScheduleOut>;

export const QuotaOut = z
  .object({
    team: z.string(),
    maxGpus: z.number().int(),
    usedGpus: z.number().int(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "TeamQuota" });
export type QuotaOut = z.infer<typeof QuotaOut>;
