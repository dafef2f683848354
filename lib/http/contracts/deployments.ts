import { z } from "zod";
import { DeploymentDetailOut, DeploymentMetricsOut, DeploymentOut, PredictOut } from "../../deployments/outputs";
import {
  CreateDeploymentInput,
  DeploymentParam,
  FeedbackInput,
  ManualDecisionInput,
  PredictInput,
  UpdateDeploymentInput,
} from "../../deployments/schemas";
import { defineContract } from "../contract";

// Deployments: the control plane (web) over the serving data plane (serving/, RACKMIND_SERVING_PORT).

export const listDeployments = defineContract({
  method: "get",
  path: "/api/v1/deployments",
  permission: "deployments.read",
  summary: "Deployments, by name: what each serves, its canary and status",
  response: {
    status: 200,
    description: "Deployments",
    schema: z.object({ items: z.array(DeploymentOut), nextCursor: z.null() }),
  },
});

export const createDeployment = defineContract({
  method: "post",
  path: "/api/v1/deployments",
  permission: "deployments.write",
  summary: "Deploy a model version (pinned, or following an alias), optionally with a canary",
  description:
    "With `alias`, the deployment follows it: a promotion (PUT …/aliases/{alias}) moves the deployment in the same transaction. " +
    "A `canary` takes `weight` of the traffic (sticky per request `key`); the worker judges it against the stable version over `gates.windowMinutes` — error rate, p95 latency, live accuracy with enough labels — rolls it back automatically when a gate fails (to the last version a person approved, with the evidence in the deployment's events), and with `gates.autoStep` steps it up and promotes it. " +
    "Serving processes pick a change up within a second.",
  body: CreateDeploymentInput,
  response: { status: 201, description: "Deployed", schema: DeploymentOut },
  errors: [404, 409],
});

export const getDeployment = defineContract({
  method: "get",
  path: "/api/v1/deployments/{name}",
  permission: "deployments.read",
  summary: "A deployment with its event history (gate decisions with their evidence)",
  params: DeploymentParam,
  response: { status: 200, description: "The deployment", schema: DeploymentDetailOut },
  errors: [404, 422],
});

export const updateDeployment = defineContract({
  method: "patch",
  path: "/api/v1/deployments/{name}",
  permission: "deployments.write",
  summary: "Start or stop, start/change/end a canary, change gates or placement (audited)",
  params: DeploymentParam,
  body: UpdateDeploymentInput,
  response: { status: 200, description: "The deployment", schema: DeploymentOut },
  errors: [404, 409],
});

export const rollbackDeployment = defineContract({
  method: "post",
  path: "/api/v1/deployments/{name}/rollback",
  permission: "deployments.write",
  summary: "Roll back: end the canary, or undo the last promotion",
  description:
    "With a canary: the canary ends and the last version a person approved serves everything. Without one: the last promotion is undone (a followed alias moves back, under its policy: a protected alias needs an admin and a note). 409 when there is nothing to roll back.",
  params: DeploymentParam,
  body: ManualDecisionInput,
  response: { status: 200, description: "The deployment", schema: DeploymentOut },
  errors: [404, 409],
});

export const promoteDeployment = defineContract({
  method: "post",
  path: "/api/v1/deployments/{name}/promote",
  permission: "deployments.write",
  summary: "Promote the canary to stable (a followed alias moves in the same transaction)",
  params: DeploymentParam,
  body: ManualDecisionInput,
  response: { status: 200, description: "The deployment", schema: DeploymentOut },
  errors: [404, 409],
});

export const predict = defineContract({
  method: "post",
  path: "/api/v1/deployments/{name}/predict",
  permission: "deployments.predict",
  summary: "Predict (forwarded to the serving process; call the serving port directly for throughput)",
  description:
    "`instances` as arrays in the signature's feature order or as {feature: value} objects; each is checked against the version's signature (422 naming the instance and field) and preprocessed exactly as training did. " +
    "Answers labels and probabilities, the version that answered, `role` (stable or canary) and a `requestId` for feedback. 503 with Retry-After when the model's queue is over its latency budget. " +
    "Needs the operator role, or a token with scope `predict`. The same path on RACKMIND_SERVING_PORT (default 3001) is the lean data plane.",
  params: DeploymentParam,
  body: PredictInput,
  response: { status: 200, description: "Predictions", schema: PredictOut },
  errors: [404, 409, 500, 503],
});

export const sendFeedback = defineContract({
  method: "post",
  path: "/api/v1/deployments/{name}/feedback",
  permission: "deployments.predict",
  summary: "The true label(s) of an answered prediction: live accuracy",
  description:
    "Stored before the answer. Joined to the prediction log by `requestId` when accuracy is read, so it may arrive before the serving process has flushed its log (`matched: false` then). Sending a label again corrects it.",
  params: DeploymentParam,
  body: FeedbackInput,
  response: {
    status: 200,
    description: "Recorded",
    schema: z.object({ requestId: z.string(), accepted: z.number().int(), matched: z.boolean() }),
  },
  errors: [404],
});

export const deploymentMetrics = defineContract({
  method: "get",
  path: "/api/v1/deployments/{name}/metrics",
  permission: "deployments.read",
  summary: "Requests, errors, latency p50/p95/p99, drift per feature, live accuracy, energy per 1,000 predictions",
  params: DeploymentParam,
  query: z.object({
    windowMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 1440)
      .default(60)
      .meta({ description: "the window, ending now" }),
  }),
  response: { status: 200, description: "The figures", schema: DeploymentMetricsOut },
  errors: [404],
});
