import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { db, type Prisma } from "../db";
import { AppError } from "../errors";
import { RuleParams, Severity, type CreateAlertRuleInput, type RuleKind, type UpdateAlertRuleInput } from "./schemas";
import type { AlertRuleOut } from "./outputs";
import type { AlertRule } from "../generated/prisma/client";

type Counts = Map<string, { pending: number; firing: number }>;

export function toAlertRuleOut(r: AlertRule, counts: Counts): AlertRuleOut {
  return {
    name: r.name,
    kind: r.kind,
    params: r.params as Record<string, unknown>,
    forSeconds: r.forSeconds,
    keepFiringForSeconds: r.keepFiringForSeconds,
    intervalSeconds: r.intervalSeconds,
    severity: Severity.catch("warning").parse(r.severity),
    labels: r.labels as Record<string, string>,
    enabled: r.enabled,
    builtin: r.builtin,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    lastEvalAt: r.lastEvalAt?.toISOString() ?? null,
    lastEvalMs: r.lastEvalMs,
    lastError: r.lastError,
    alerts: counts.get(r.id) ?? { pending: 0, firing: 0 },
  };
}

async function countsOf(ruleIds?: string[]): Promise<Counts> {
  const rows = await db.alertInstance.groupBy({
    by: ["ruleId", "state"],
    where: { state: { in: ["pending", "firing"] }, ...(ruleIds ? { ruleId: { in: ruleIds } } : {}) },
    _count: { _all: true },
  });
  const out: Counts = new Map();
  for (const r of rows) {
    const c = out.get(r.ruleId) ?? { pending: 0, firing: 0 };
    if (r.state === "pending" || r.state === "firing") c[r.state] = r._count._all;
    out.set(r.ruleId, c);
  }
  return out;
}

export async function listAlertRules(): Promise<{ items: AlertRuleOut[]; nextCursor: null }> {
  const [rules, counts] = await Promise.all([db.alertRule.findMany({ orderBy: { name: "asc" } }), countsOf()]);
  return { items: rules.map((r) => toAlertRuleOut(r, counts)), nextCursor: null };
}

async function ruleOrThrow(name: string): Promise<AlertRule> {
  const r = await db.alertRule.findUnique({ where: { name } });
  if (!r) throw new AppError("not_found", `Alert rule ${name} does not exist`);
  return r;
}

export async function getAlertRule(name: string): Promise<AlertRuleOut> {
  const r = await ruleOrThrow(name);
  return toAlertRuleOut(r, await countsOf([r.id]));
}

export async function createAlertRule(input: CreateAlertRuleInput, actor: Principal): Promise<AlertRuleOut> {
  await db.$transaction(async (tx) => {
    if (await tx.alertRule.findUnique({ where: { name: input.name } }))
      throw new AppError("conflict", `Alert rule ${input.name} already exists`);
    await tx.alertRule.create({
      data: { ...input, params: input.params as Prisma.InputJsonValue, createdBy: actorOf(actor) },
    });
    await recordAudit(tx, actor, {
      action: "alert_rule.create",
      target: `alert_rule:${input.name}`,
      details: input as Prisma.InputJsonValue,
    });
  });
  return getAlertRule(input.name);
}

/** Parameters are checked against the rule's own kind: 422 naming the field. */
function checkParams(kind: string, params: Record<string, unknown>) {
  const schema = RuleParams[kind as RuleKind];
  if (!schema) throw new AppError("conflict", `Rule kind ${kind} is not known to this version of Rackmind`);
  const parsed = schema.safeParse(params);
  if (!parsed.success)
    throw new AppError(
      "unprocessable_entity",
      `The parameters do not fit a ${kind} rule`,
      parsed.error.issues.map((i) => ({ path: ["params", ...i.path].join("."), message: i.message })),
    );
  return parsed.data as Prisma.InputJsonValue;
}

export async function updateAlertRule(
  name: string,
  input: UpdateAlertRuleInput,
  actor: Principal,
): Promise<AlertRuleOut> {
  await db.$transaction(async (tx) => {
    const r = await tx.alertRule.findUnique({ where: { name } });
    if (!r) throw new AppError("not_found", `Alert rule ${name} does not exist`);
    const { params, ...rest } = input;
    await tx.alertRule.update({
      where: { id: r.id },
      data: { ...rest, ...(params ? { params: checkParams(r.kind, params) } : {}) },
    });
    const before = Object.fromEntries(Object.keys(input).map((k) => [k, r[k as keyof AlertRule]]));
    await recordAudit(tx, actor, {
      action: "alert_rule.update",
      target: `alert_rule:${name}`,
      details: { before, after: input } as Prisma.InputJsonValue,
    });
  });
  return getAlertRule(name);
}

/** Deletes a rule and its alerts; shipped rules are disabled instead (409), so an upgrade never brings them back unasked. */
export async function deleteAlertRule(name: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const r = await tx.alertRule.findUnique({ where: { name } });
    if (!r) throw new AppError("not_found", `Alert rule ${name} does not exist`);
    if (r.builtin) throw new AppError("conflict", `${name} ships with Rackmind: disable it instead of deleting it`);
    await tx.alertRule.delete({ where: { id: r.id } });
    await recordAudit(tx, actor, {
      action: "alert_rule.delete",
      target: `alert_rule:${name}`,
      details: { kind: r.kind },
    });
  });
}
