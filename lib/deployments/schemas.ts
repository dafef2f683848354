import { z } from "zod";
import { AliasName, ModelName } from "../models/schemas";

// Deployments' boundaries: creating and changing them, predicting, feedback.

export const DeploymentName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "lower-case letters, digits, dot, dash and underscore, starting with a letter or digit",
  );

export const DeploymentParam = z.object({ name: DeploymentName });

/** When a canary is judged, and what it must not do worse than the stable version. */
export const Gates = z
  .strictObject({
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(1440)
      .default(10)
      .meta({ description: "the window both are compared over" }),
    minRequests: z
      .number()
      .int()
      .min(10)
      .max(1_000_000)
      .default(200)
      .meta({ description: "requests each side needs in the window before a gate decides" }),
    maxErrorRateIncrease: z
      .number()
      .min(0)
      .max(1)
      .default(0.01)
      .meta({ description: "canary error rate minus stable's, at most (0.01 = one point)" }),
    maxP95Ratio: z
      .number()
      .min(1)
      .max(100)
      .default(1.5)
      .meta({ description: "canary p95 latency over stable's, at most" }),
    maxAccuracyDrop: z
      .number()
      .min(0)
      .max(1)
      .default(0.02)
      .meta({ description: "stable live accuracy minus canary's, at most (judged only with enough feedback labels)" }),
    minLabels: z
      .number()
      .int()
      .min(10)
      .max(1_000_000)
      .default(100)
      .meta({ description: "labels each side needs for the accuracy gate" }),
    steps: z
      .array(z.number().gt(0).max(1))
      .min(1)
      .max(10)
      .default([0.1, 0.5, 1])
      .refine((s) => s.every((w, i) => i === 0 || w > s[i - 1]!), "steps must increase")
      .meta({ description: "canary weights to step through after each passed window; at 1 the canary is promoted" }),
    autoStep: z
      .boolean()
      .default(false)
      .meta({ description: "step up (and at 1, promote) by itself after each passed window" }),
  })
  .meta({ id: "CanaryGates" });
export type Gates = z.infer<typeof Gates>;

const VersionRef = {
  version: z.number().int().min(1).optional().meta({ description: "a version to pin" }),
  alias: AliasName.optional().meta({ description: "or an alias to follow: a promotion moves the deployment too" }),
};

export const CanaryInput = z
  .strictObject({
    version: z.number().int().min(1),
    weight: z.number().gt(0).max(1).meta({ description: "share of traffic, e.g. 0.1" }),
  })
  .meta({ id: "CanaryInput" });

export const CreateDeploymentInput = z
  .strictObject({
    name: DeploymentName,
    model: ModelName,
    ...VersionRef,
    canary: CanaryInput.optional(),
    gates: Gates.default(Gates.parse({})),
    servers: z.array(z.string().trim().min(1).max(253)).max(64).default([]).meta({
      description: "hostnames the deployment is placed on (for its energy per prediction and the servers' GPU events)",
    }),
  })
  .refine((d) => (d.version === undefined) !== (d.alias === undefined), {
    message: "give exactly one of version or alias",
  })
  .meta({ id: "CreateDeploymentInput" });
export type CreateDeploymentInput = z.infer<typeof CreateDeploymentInput>;

export const UpdateDeploymentInput = z
  .strictObject({
    status: z.enum(["active", "stopped"]).optional(),
    canary: CanaryInput.nullable()
      .optional()
      .meta({ description: "start or change a canary; null ends it (back to stable only)" }),
    gates: Gates.optional(),
    servers: z.array(z.string().trim().min(1).max(253)).max(64).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((u) => Object.entries(u).some(([k, v]) => k !== "note" && v !== undefined), {
    message: "send status, canary, gates and/or servers",
  })
  .meta({ id: "UpdateDeploymentInput" });
export type UpdateDeploymentInput = z.infer<typeof UpdateDeploymentInput>;

export const ManualDecisionInput = z
  .strictObject({ note: z.string().trim().min(1).max(2000).optional() })
  .meta({ id: "DeploymentDecisionInput" });

/** A feature value as sent: a number, a category, or null for missing. */
const Cell = z.union([z.number(), z.string(), z.null()]);

export const PredictInput = z
  .strictObject({
    instances: z
      .array(z.union([z.array(Cell), z.record(z.string(), Cell)]))
      .min(1)
      .max(1000)
      .meta({
        description: "arrays in the signature's feature order, or {feature: value} objects; null for a missing value",
      }),
    key: z
      .string()
      .max(200)
      .optional()
      .meta({ description: "a request key (user id, session): the same key always goes to the same version" }),
  })
  .meta({ id: "PredictInput" });
export type PredictInput = z.infer<typeof PredictInput>;

export const FeedbackInput = z
  .strictObject({
    requestId: z.uuid(),
    label: z.string().min(1).max(200).optional().meta({ description: "the true label of a one-instance request" }),
    labels: z
      .array(z.string().min(1).max(200).nullable())
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: "or the true labels of each instance, null where unknown" }),
  })
  .refine((f) => (f.label === undefined) !== (f.labels === undefined), {
    message: "give exactly one of label or labels",
  })
  .meta({ id: "FeedbackInput" });
export type FeedbackInput = z.infer<typeof FeedbackInput>;
