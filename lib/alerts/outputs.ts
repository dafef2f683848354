import { locales } from "../i18n/locales";
import { CodedTextSchema } from "../i18n/coded-text";
import { z } from "zod";
import { Matcher, Severity } from "./schemas";

const Labels = z.record(z.string(), z.string());

export const AlertRuleOut = z
  .object({
    name: z.string(),
    kind: z.string(),
    params: z.record(z.string(), z.unknown()),
    forSeconds: z.number().int(),
    keepFiringForSeconds: z.number().int(),
    intervalSeconds: z.number().int(),
    severity: Severity,
    labels: Labels,
    enabled: z.boolean(),
    builtin: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastEvalAt: z.string().nullable(),
    lastEvalMs: z.number().int().nullable(),
    lastError: z.string().nullable().describe("Why the last evaluation could not read its data"),
    alerts: z.object({ pending: z.number().int(), firing: z.number().int() }),
  })
  .meta({ id: "AlertRule" });
export type AlertRuleOut = z.infer<typeof AlertRuleOut>;

export const AlertOut = z
  .object({
    id: z.string(),
    fingerprint: z.string(),
    rule: z.string(),
    labels: Labels,
    annotations: z.object({ summary: z.string(), link: z.string() }).catchall(z.string()),
    summaryCode: CodedTextSchema.nullable().meta({
      description: "annotations.summary as a catalogue key (states.<code>) and values, for the reader's language",
    }),
    state: z.enum(["pending", "firing", "resolved"]),
    value: z.number().nullable(),
    activeAt: z.string(),
    firedAt: z.string().nullable(),
    lastActiveAt: z.string(),
    resolvedAt: z.string().nullable(),
    status: z.object({
      silencedBy: z.array(z.string()).describe("Ids of the active silences muting it"),
      inhibitedBy: z
        .object({ fingerprint: z.string(), why: z.string() })
        .nullable()
        .describe("The firing alert that mutes it, and the inhibit rule's reason"),
      muted: z.boolean(),
    }),
  })
  .meta({ id: "Alert" });
export type AlertOut = z.infer<typeof AlertOut>;

export const AlertGroupOut = z
  .object({
    key: z.string(),
    labels: Labels,
    alerts: z.array(AlertOut),
  })
  .meta({ id: "AlertGroup" });

export const SilenceOut = z
  .object({
    id: z.string(),
    matchers: z.array(Matcher),
    startsAt: z.string(),
    endsAt: z.string(),
    comment: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    state: z.enum(["pending", "active", "expired"]),
    /** Alerts (fingerprints) still firing when it ended. */
    firingAtEnd: z.array(z.string()),
  })
  .meta({ id: "Silence" });
export type SilenceOut = z.infer<typeof SilenceOut>;

export const ReceiverOut = z
  .object({
    name: z.string(),
    url: z.string(),
    matchers: z.array(Matcher),
    groupBy: z.array(z.string()),
    groupWaitSeconds: z.number().int(),
    groupIntervalSeconds: z.number().int(),
    repeatIntervalSeconds: z.number().int(),
    timeoutMs: z.number().int(),
    maxAttempts: z.number().int(),
    locale: z.enum(locales),
    isFallback: z.boolean(),
    enabled: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** Only in the answer that set it: the HMAC secret, shown once. */
    secret: z.string().optional(),
  })
  .meta({ id: "Receiver" });
export type ReceiverOut = z.infer<typeof ReceiverOut>;

export const NotificationOut = z
  .object({
    id: z.string(),
    receiver: z.string(),
    groupKey: z.string(),
    status: z.enum(["pending", "delivering", "delivered", "failed"]),
    alerts: z.number().int(),
    payloadStatus: z.enum(["firing", "resolved"]),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    fallbackOf: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    deliveries: z.array(
      z.object({
        at: z.string(),
        attempt: z.number().int(),
        httpStatus: z.number().int().nullable(),
        ok: z.boolean(),
        error: z.string().nullable(),
        durationMs: z.number().int(),
      }),
    ),
  })
  .meta({ id: "Notification" });
export type NotificationOut = z.infer<typeof NotificationOut>;
