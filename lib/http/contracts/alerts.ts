import { z } from "zod";
import { AlertGroupOut, AlertOut, AlertRuleOut, NotificationOut, ReceiverOut, SilenceOut } from "../../alerts/outputs";
import {
  AlertsQuery,
  CreateAlertRuleInput,
  CreateReceiverInput,
  CreateSilenceInput,
  DeliveriesQuery,
  GroupsQuery,
  ReceiverParam,
  RuleParam,
  SilenceParam,
  SilencesQuery,
  UpdateAlertRuleInput,
  UpdateReceiverInput,
} from "../../alerts/schemas";
import { defineContract, pageOf } from "../contract";

// Alerts: rules the worker evaluates with Prometheus's semantics, the alerts
// they raise, and silences in Alertmanager's shape.

export const listAlertRules = defineContract({
  method: "get",
  path: "/api/v1/alert-rules",
  permission: "alerts.read",
  summary: "Alert rules, by name, with their pending and firing counts and last evaluation",
  response: {
    status: 200,
    description: "Alert rules",
    schema: z.object({ items: z.array(AlertRuleOut), nextCursor: z.null() }),
  },
});

export const createAlertRule = defineContract({
  method: "post",
  path: "/api/v1/alert-rules",
  permission: "alerts.write",
  summary: "Add an alert rule (audited)",
  description:
    "`kind` chooses the check and the parameters it takes: gpu_temperature {thresholdC}, gpu_xid {xids}, gpu_stale {includeNeverSeen}, server_silent {}, rack_power {capPct, maxAgeMinutes}, site_pue {target, windowHours}, job_failed {withinMinutes}, canary_rolled_back {withinMinutes}, deployment_drift {psi, windowMinutes, minSamples}, deployment_latency {p95Ms, windowMinutes, minRequests}, deployment_errors {errorRate, windowMinutes, minRequests}. " +
    "As in Prometheus, an alert is pending until the check has held for `forSeconds`, then firing; once the check stops holding it keeps firing for `keepFiringForSeconds`, then resolves.",
  body: CreateAlertRuleInput,
  response: { status: 201, description: "Created", schema: AlertRuleOut },
  errors: [409],
});

export const getAlertRule = defineContract({
  method: "get",
  path: "/api/v1/alert-rules/{name}",
  permission: "alerts.read",
  summary: "An alert rule",
  params: RuleParam,
  response: { status: 200, description: "The rule", schema: AlertRuleOut },
  errors: [404, 422],
});

export const updateAlertRule = defineContract({
  method: "patch",
  path: "/api/v1/alert-rules/{name}",
  permission: "alerts.write",
  summary: "Change a rule's parameters, timing, severity, labels, or enable/disable it (audited)",
  params: RuleParam,
  body: UpdateAlertRuleInput,
  response: { status: 200, description: "The rule", schema: AlertRuleOut },
  errors: [404, 409],
});

export const deleteAlertRule = defineContract({
  method: "delete",
  path: "/api/v1/alert-rules/{name}",
  permission: "alerts.write",
  summary: "Delete a rule and its alerts (a shipped rule is disabled instead: 409)",
  params: RuleParam,
  response: { status: 204, description: "Deleted" },
  errors: [404, 409, 422],
});

export const listAlerts = defineContract({
  method: "get",
  path: "/api/v1/alerts",
  permission: "alerts.read",
  summary: "Alerts, newest first, with whether a silence or an inhibiting alert mutes each",
  query: AlertsQuery,
  response: { status: 200, description: "Alerts", schema: pageOf(AlertOut) },
});

export const listAlertGroups = defineContract({
  method: "get",
  path: "/api/v1/alerts/groups",
  permission: "alerts.read",
  summary: "Unresolved alerts grouped by label values (`?by=alertname,site`), as Alertmanager groups them",
  query: GroupsQuery,
  response: {
    status: 200,
    description: "Groups",
    schema: z.object({ items: z.array(AlertGroupOut) }),
  },
});

export const listSilences = defineContract({
  method: "get",
  path: "/api/v1/silences",
  permission: "alerts.read",
  summary: "Silences, newest first (`?state=active|pending|expired`), each with the alerts still firing when it ended",
  query: SilencesQuery,
  response: { status: 200, description: "Silences", schema: pageOf(SilenceOut) },
});

export const createSilence = defineContract({
  method: "post",
  path: "/api/v1/silences",
  permission: "alerts.write",
  summary: "Mute alerts matching every matcher until `endsAt` (audited)",
  description:
    "Matchers as Alertmanager's: `{name, value, isRegex, isEqual}`; a regex matches the whole label value. When the silence ends while a muted alert still fires, the silence records it and the alert is shown again.",
  body: CreateSilenceInput,
  response: { status: 201, description: "Created", schema: SilenceOut },
});

export const getSilence = defineContract({
  method: "get",
  path: "/api/v1/silences/{id}",
  permission: "alerts.read",
  summary: "A silence",
  params: SilenceParam,
  response: { status: 200, description: "The silence", schema: SilenceOut },
  errors: [404, 422],
});

export const expireSilence = defineContract({
  method: "delete",
  path: "/api/v1/silences/{id}",
  permission: "alerts.write",
  summary: "End a silence now (audited)",
  params: SilenceParam,
  response: { status: 200, description: "The ended silence", schema: SilenceOut },
  errors: [404, 409, 422],
});

export const listReceivers = defineContract({
  method: "get",
  path: "/api/v1/receivers",
  permission: "alerts.read",
  summary: "Notification receivers (webhooks), without their secrets",
  response: {
    status: 200,
    description: "Receivers",
    schema: z.object({ items: z.array(ReceiverOut), nextCursor: z.null() }),
  },
});

export const createReceiver = defineContract({
  method: "post",
  path: "/api/v1/receivers",
  permission: "alerts.receivers",
  summary: "Add a webhook receiver (admin; audited): its HMAC secret is answered once",
  description:
    'Notifications are POSTed as Alertmanager\'s webhook payload (version 4), with `Idempotency-Key`, `X-Rackmind-Timestamp` and `X-Rackmind-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret>`. ' +
    "Grouping as Alertmanager's (`groupBy`, `groupWaitSeconds`, `groupIntervalSeconds`, `repeatIntervalSeconds`); each attempt waits at most `timeoutMs`; server errors, timeouts, 408 and 429 are retried with backoff (2 s doubling, 5 min cap) up to `maxAttempts`, other 4xx are final; what could not be delivered goes to the receiver marked `isFallback`.",
  body: CreateReceiverInput,
  response: { status: 201, description: "Created (with `secret`, shown this once)", schema: ReceiverOut },
  errors: [409],
});

export const getReceiver = defineContract({
  method: "get",
  path: "/api/v1/receivers/{name}",
  permission: "alerts.read",
  summary: "A receiver",
  params: ReceiverParam,
  response: { status: 200, description: "The receiver", schema: ReceiverOut },
  errors: [404, 422],
});

export const updateReceiver = defineContract({
  method: "patch",
  path: "/api/v1/receivers/{name}",
  permission: "alerts.receivers",
  summary: "Change a receiver (admin; audited, never the secret itself)",
  params: ReceiverParam,
  body: UpdateReceiverInput,
  response: { status: 200, description: "The receiver", schema: ReceiverOut },
  errors: [404],
});

export const deleteReceiver = defineContract({
  method: "delete",
  path: "/api/v1/receivers/{name}",
  permission: "alerts.receivers",
  summary: "Delete a receiver and its delivery log (admin; audited)",
  params: ReceiverParam,
  response: { status: 204, description: "Deleted" },
  errors: [404, 422],
});

export const listDeliveries = defineContract({
  method: "get",
  path: "/api/v1/receivers/{name}/deliveries",
  permission: "alerts.read",
  summary: "A receiver's delivery log: notifications, newest first, each with every attempt (status, error, duration)",
  params: ReceiverParam,
  query: DeliveriesQuery,
  response: { status: 200, description: "Notifications", schema: pageOf(NotificationOut) },
  errors: [404],
});

export const testReceiver = defineContract({
  method: "post",
  path: "/api/v1/receivers/{name}/test",
  permission: "alerts.receivers",
  summary: "Queue a test notification to a receiver (delivered and logged like any other)",
  params: ReceiverParam,
  response: { status: 202, description: "Queued", schema: z.object({ queued: z.literal(true) }) },
  errors: [404, 422],
});
