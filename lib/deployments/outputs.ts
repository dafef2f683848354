import { z } from "zod";
import { GpuEventsOut } from "../models/schemas";
import { Gates } from "./schemas";

const VersionRef = z.object({ version: z.number().int(), versionId: z.string() });

export const DeploymentEventOut = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.string(),
    actor: z.string(),
    message: z.string(),
    details: z.unknown().nullable(),
  })
  .meta({ id: "DeploymentEvent" });
export type DeploymentEventOut = z.infer<typeof DeploymentEventOut>;

export const DeploymentOut = z
  .object({
    name: z.string(),
    model: z.string(),
    alias: z.string().nullable().meta({ description: "the alias followed; null when a version is pinned" }),
    status: z.enum(["active", "stopped"]),
    stable: VersionRef,
    approved: VersionRef.meta({ description: "the version a person last approved: where an automatic rollback goes" }),
    canary: VersionRef.extend({ weight: z.number(), startedAt: z.string().nullable() }).nullable(),
    gates: Gates,
    servers: z.array(z.string()),
    revision: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Deployment" });
export type DeploymentOut = z.infer<typeof DeploymentOut>;

export const DeploymentDetailOut = DeploymentOut.extend({ events: z.array(DeploymentEventOut) }).meta({
  id: "DeploymentDetail",
});
export type DeploymentDetailOut = z.infer<typeof DeploymentDetailOut>;

export const PredictionOut = z.object({
  label: z.string(),
  probabilities: z.record(z.string(), z.number()),
});

export const PredictOut = z
  .object({
    predictions: z.array(PredictionOut),
    modelVersion: z.object({ name: z.string(), version: z.number().int() }),
    deployment: z.string(),
    requestId: z.string().meta({ description: "send it back with the true labels to POST …/feedback" }),
    role: z.enum(["stable", "canary"]).meta({ description: "which side of a canary split answered" }),
  })
  .meta({ id: "PredictResult" });
export type PredictOut = z.infer<typeof PredictOut>;

const Latency = z.object({
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
  mean: z.number().nullable(),
});
const Accuracy = z.object({
  labelled: z.number().int(),
  correct: z.number().int(),
  accuracy: z.number().nullable(),
  coverage: z.number().nullable().meta({ description: "labelled instances over logged ones" }),
  medianJoinDelaySeconds: z.number().nullable(),
  unmatched: z.number().int().meta({ description: "feedback whose request is not (or not yet) in the prediction log" }),
});

const MinutePoint = z.object({
  minute: z.string(),
  requests: z.number().int(),
  errors: z.number().int(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});

export const DeploymentMetricsOut = z
  .object({
    deployment: z.string(),
    from: z.string(),
    to: z.string(),
    requests: z.number().int(),
    errors: z.number().int(),
    errorRate: z.number().nullable(),
    latencyMs: Latency,
    drift: z.record(z.string(), z.number()).meta({ description: "PSI per feature of the stable version's inputs" }),
    driftDetail: z.object({
      unknown: z.string().nullable(),
      instances: z.number().int(),
      isDrifting: z.boolean(),
      driftingFeatures: z.number().int(),
      features: z.array(
        z.object({
          name: z.string(),
          type: z.enum(["numeric", "categorical"]),
          psi: z.number(),
          band: z.enum(["stable", "moderate", "drifted"]),
          test: z.object({
            kind: z.enum(["ks", "chi2"]),
            statistic: z.number(),
            pValue: z.number(),
            effectSize: z.number(),
          }),
          samples: z.object({ training: z.number().int(), live: z.number().int(), liveMissing: z.number().int() }),
        }),
      ),
    }),
    accuracy: Accuracy,
    versions: z.array(
      z.object({
        version: z.number().int(),
        versionId: z.string(),
        role: z.enum(["stable", "canary", "previous"]),
        requests: z.number().int(),
        errors: z.number().int(),
        instances: z.number().int(),
        errorRate: z.number().nullable(),
        latencyMs: Latency,
        latencyCounts: z.array(z.number().int()),
        accuracy: Accuracy,
      }),
    ),
    series: z.array(MinutePoint),
    versionSeries: z
      .array(
        z.object({
          version: z.number().int(),
          versionId: z.string(),
          role: z.enum(["stable", "canary", "previous"]),
          points: z.array(MinutePoint),
        }),
      )
      .meta({ description: "the per-minute series of each version that answered in the window" }),
    energyPer1kPredictions: z.object({
      kwh: z.number().nullable(),
      kwhTotal: z.number().nullable(),
      basis: z.string(),
    }),
    serverGpuEvents: GpuEventsOut.nullable().meta({
      description:
        "XIDs, throttling and temperature excursions of the placement servers' GPUs in the window (a fault is not drift); null when the deployment is placed on no server",
    }),
  })
  .meta({ id: "DeploymentMetrics" });

const SideFigures = z.object({
  version: z.number().int(),
  requests: z.number().int(),
  errorRate: z.number().nullable(),
  p95Ms: z.number().nullable(),
  accuracy: z.number().nullable(),
  labelled: z.number().int(),
});

/** What a gate judgement rests on (canary-gates.ts GateEvidence), as stored in a deployment event's details. */
export const GateEvidenceOut = z.object({
  windowMinutes: z.number(),
  stable: SideFigures,
  canary: SideFigures,
  limits: z.object({
    maxErrorRateIncrease: z.number(),
    maxP95Ratio: z.number(),
    maxAccuracyDrop: z.number(),
    minRequests: z.number(),
    minLabels: z.number(),
  }),
});
export type GateEvidenceOut = z.infer<typeof GateEvidenceOut>;

/** The gate evidence an event carries (automatic rollbacks, steps, promotions), or null when it carries none. */
export function evidenceOf(event: Pick<DeploymentEventOut, "details">): GateEvidenceOut | null {
  const parsed = GateEvidenceOut.safeParse((event.details as { evidence?: unknown } | null)?.evidence);
  return parsed.success ? parsed.data : null;
}
