import { locales } from "../i18n/locales";
import { z } from "zod";
import { PageQuery } from "../pagination";

// Alert rules, alerts and silences: what the API takes, checked once here.

const minutes = (max: number) => z.number().int().min(1).max(max);

/** Each kind of check and its parameters (the units are in the names). */
export const RuleParams = {
  gpu_temperature: z.object({ thresholdC: z.number().min(20).max(150) }).strict(),
  /** `xids` empty: any non-zero XID. */
  gpu_xid: z.object({ xids: z.array(z.number().int().min(1).max(1000)).max(100).default([]) }).strict(),
  gpu_stale: z.object({ includeNeverSeen: z.boolean().default(false) }).strict(),
  server_silent: z.object({}).strict(),
  rack_power: z.object({ capPct: z.number().min(1).max(200), maxAgeMinutes: minutes(24 * 60).default(15) }).strict(),
  site_pue: z
    .object({
      target: z.number().min(1).max(10),
      windowHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 7),
    })
    .strict(),
  job_failed: z.object({ withinMinutes: minutes(7 * 24 * 60) }).strict(),
  canary_rolled_back: z.object({ withinMinutes: minutes(7 * 24 * 60) }).strict(),
  deployment_drift: z
    .object({ psi: z.number().min(0).max(10), windowMinutes: minutes(24 * 60), minSamples: z.number().int().min(1) })
    .strict(),
  deployment_latency: z
    .object({ p95Ms: z.number().positive(), windowMinutes: minutes(24 * 60), minRequests: z.number().int().min(1) })
    .strict(),
  deployment_errors: z
    .object({
      errorRate: z.number().min(0).max(1),
      windowMinutes: minutes(24 * 60),
      minRequests: z.number().int().min(1),
    })
    .strict(),
} as const;
export type RuleKind = keyof typeof RuleParams;
export const RULE_KINDS = Object.keys(RuleParams) as RuleKind[];
export type ParamsOf<K extends RuleKind> = z.infer<(typeof RuleParams)[K]>;

export const Severity = z.enum(["critical", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

const LabelName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "a label name is letters, digits and _ and does not start with a digit")
  .max(100);
const Labels = z.record(LabelName, z.string().max(500)).refine((l) => Object.keys(l).length <= 20, "at most 20 labels");

export const RuleName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*$/,
    "a rule name is letters, digits and _, starting with a letter (it is the alertname)",
  )
  .max(100);

const seconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600);

const RuleCommon = z.object({
  name: RuleName,
  forSeconds: seconds.default(0),
  keepFiringForSeconds: seconds.default(0),
  intervalSeconds: z.number().int().min(5).max(3600).default(15),
  severity: Severity.default("warning"),
  labels: Labels.default({}),
  enabled: z.boolean().default(true),
});

const ruleOf = <K extends RuleKind>(kind: K) =>
  RuleCommon.extend({ kind: z.literal(kind), params: RuleParams[kind] }).strict();

/** A rule as created: its kind decides which parameters it takes. */
export const CreateAlertRuleInput = z
  .discriminatedUnion("kind", [
    ruleOf("gpu_temperature"),
    ruleOf("gpu_xid"),
    ruleOf("gpu_stale"),
    ruleOf("server_silent"),
    ruleOf("rack_power"),
    ruleOf("site_pue"),
    ruleOf("job_failed"),
    ruleOf("canary_rolled_back"),
    ruleOf("deployment_drift"),
    ruleOf("deployment_latency"),
    ruleOf("deployment_errors"),
  ])
  .meta({ id: "CreateAlertRuleInput" });
export type CreateAlertRuleInput = z.infer<typeof CreateAlertRuleInput>;

/** Everything but the name and kind may change; params are checked against the rule's kind. */
export const UpdateAlertRuleInput = z
  .object({
    params: z.record(z.string(), z.unknown()).optional(),
    forSeconds: seconds.optional(),
    keepFiringForSeconds: seconds.optional(),
    intervalSeconds: z.number().int().min(5).max(3600).optional(),
    severity: Severity.optional(),
    labels: Labels.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change")
  .meta({ id: "UpdateAlertRuleInput" });
export type UpdateAlertRuleInput = z.infer<typeof UpdateAlertRuleInput>;

export const RuleParam = z.object({ name: RuleName });

/** Alertmanager's matcher: `name` equals (or, with isRegex, fully matches) `value`; isEqual false negates. */
export const Matcher = z
  .object({
    name: LabelName,
    value: z.string().max(500),
    isRegex: z.boolean().default(false),
    isEqual: z.boolean().default(true),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!m.isRegex) return;
    try {
      new RegExp(`^(?:${m.value})$`);
    } catch {
      ctx.addIssue({ code: "custom", path: ["value"], message: "not a valid regular expression" });
    }
  });
export type Matcher = z.infer<typeof Matcher>;

export const CreateSilenceInput = z
  .object({
    matchers: z.array(Matcher).min(1).max(20),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }),
    comment: z.string().trim().min(1, "say why").max(1000),
  })
  .strict()
  .meta({ id: "CreateSilenceInput" });
export type CreateSilenceInput = z.infer<typeof CreateSilenceInput>;

export const SilenceParam = z.object({ id: z.uuid() });

export const AlertsQuery = PageQuery.extend({
  state: z.enum(["pending", "firing", "resolved"]).optional(),
  rule: RuleName.optional(),
  /** Include alerts muted by a silence or inhibited by another alert (default true). */
  muted: z.enum(["true", "false"]).optional(),
}).strict();
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const SilencesQuery = PageQuery.extend({ state: z.enum(["active", "pending", "expired"]).optional() }).strict();
export type SilencesQuery = z.infer<typeof SilencesQuery>;

export const GroupsQuery = z
  .object({
    by: z
      .string()
      .max(500)
      .optional()
      .transform((v) =>
        v
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : ["alertname"],
      )
      .pipe(z.array(LabelName).max(10)),
  })
  .strict();

export const ReceiverName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "lowercase letters, digits, - and _")
  .max(100);
export const ReceiverParam = z.object({ name: ReceiverName });

const WebhookUrl = z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" }).max(2000);

const ReceiverSettings = z.object({
  url: WebhookUrl,
  matchers: z.array(Matcher).max(20),
  groupBy: z.array(LabelName).max(10),
  groupWaitSeconds: z.number().int().min(0).max(3600),
  groupIntervalSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600),
  repeatIntervalSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600),
  timeoutMs: z.number().int().min(100).max(60_000),
  maxAttempts: z.number().int().min(1).max(20),
  locale: z.enum(locales).meta({ description: "the language of the notifications' words (summaries, notes)" }),
  isFallback: z.boolean(),
  enabled: z.boolean(),
});

export const CreateReceiverInput = z
  .object({
    name: ReceiverName,
    /** Omit to have one made (returned once, in the answer). */
    secret: z.string().min(16, "at least 16 characters").max(500).optional(),
    url: WebhookUrl,
    matchers: ReceiverSettings.shape.matchers.default([]),
    groupBy: ReceiverSettings.shape.groupBy.default(["alertname"]),
    groupWaitSeconds: ReceiverSettings.shape.groupWaitSeconds.default(30),
    groupIntervalSeconds: ReceiverSettings.shape.groupIntervalSeconds.default(300),
    repeatIntervalSeconds: ReceiverSettings.shape.repeatIntervalSeconds.default(4 * 3600),
    timeoutMs: ReceiverSettings.shape.timeoutMs.default(5000),
    maxAttempts: ReceiverSettings.shape.maxAttempts.default(5),
    locale: ReceiverSettings.shape.locale.default("en"),
    isFallback: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict()
  .meta({ id: "CreateReceiverInput" });
export type CreateReceiverInput = z.infer<typeof CreateReceiverInput>;

export const UpdateReceiverInput = ReceiverSettings.partial()
  .extend({ secret: z.string().min(16).max(500).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change")
  .meta({ id: "UpdateReceiverInput" });
export type UpdateReceiverInput = z.infer<typeof UpdateReceiverInput>;

export const DeliveriesQuery = PageQuery.extend({
  status: z.enum(["pending", "delivering", "delivered", "failed"]).optional(),
}).strict();
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;
