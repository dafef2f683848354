import { db, type Tx } from "../db";
import { getPool } from "../database/pool";
import { logger } from "../observability/logger";
import { getTelemetrySettings } from "../telemetry/settings";
import { collect, type Sample } from "./collectors";
import { fingerprintOf, matchesAll } from "./labels";
import { readMatchers } from "./silences";
import type { RuleKind } from "./schemas";
import { step, type Instance } from "./state-machine";
import type { AlertInstance, AlertRule } from "../generated/prisma/client";

/**
 * The worker's alert evaluation: one evaluator at a time across workers (a
 * lease in the database), each rule on its own interval. A rule's check reads
 * its data first, outside any transaction; its alerts then change in one short
 * transaction that locks the rule row and re-checks that no one evaluated it
 * meanwhile, so even two evaluators never write an alert twice (and the
 * partial unique index on unresolved fingerprints would refuse it).
 */

export const LEASE_MS = 30_000;

export type EvaluationResult =
  | { evaluated: false; reason: string }
  | { evaluated: true; rules: number; changed: number; errors: number; silencesEnded: number };

/** Takes or renews the evaluator lease; false while another worker's lease is current. */
export async function takeLease(holder: string, ttlMs = LEASE_MS): Promise<boolean> {
  const { rowCount } = await getPool().query(
    `INSERT INTO "AlertEvaluatorLease" (id, holder, "expiresAt") VALUES (1, $1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt"
     WHERE "AlertEvaluatorLease".holder = $1 OR "AlertEvaluatorLease"."expiresAt" < now()`,
    [holder, ttlMs],
  );
  return rowCount === 1;
}

/** Gives the lease up (a worker stopping), so another takes over at once. */
export async function releaseLease(holder: string): Promise<void> {
  await getPool().query(`DELETE FROM "AlertEvaluatorLease" WHERE holder = $1`, [holder]);
}

const isDue = (rule: AlertRule, now: Date) =>
  !rule.lastEvalAt || now.getTime() - rule.lastEvalAt.getTime() >= rule.intervalSeconds * 1000 - 250;

export async function evaluateAlerts(opts: { holder: string; now?: Date; force?: boolean }): Promise<EvaluationResult> {
  const now = opts.now ?? new Date();
  if (!(await takeLease(opts.holder))) return { evaluated: false, reason: "another worker holds the evaluator lease" };
  const { staleAfterMinutes } = await getTelemetrySettings();
  const rules = await db.alertRule.findMany({ orderBy: { name: "asc" } });
  let changed = 0;
  let errors = 0;
  let evaluated = 0;
  for (const rule of rules) {
    if (!opts.force && !isDue(rule, now)) continue;
    evaluated++;
    const t0 = performance.now();
    let samples: Sample[] = [];
    if (rule.enabled) {
      try {
        samples = await collect(rule.kind as RuleKind, rule.params, { now, staleAfterMinutes });
      } catch (err) {
        // Data that cannot be read says nothing: the rule's alerts stay as they were.
        errors++;
        const why = err instanceof Error ? err.message : String(err);
        logger.warn({ rule: rule.name, err }, "alert rule could not be evaluated");
        await db.alertRule.update({ where: { id: rule.id }, data: { lastEvalAt: now, lastError: why.slice(0, 500) } });
        continue;
      }
    }
    changed += await applySamples(rule, samples, now, Math.round(performance.now() - t0), opts.force ?? false);
  }
  const silencesEnded = await checkEndedSilences(now);
  return { evaluated: true, rules: evaluated, changed, errors, silencesEnded };
}

function labelsOf(rule: AlertRule, sample: Sample): Record<string, string> {
  return {
    ...(rule.labels as Record<string, string>),
    ...sample.labels,
    alertname: rule.name,
    severity: rule.severity,
  };
}

const toInstance = (a: AlertInstance): Instance => ({
  state: a.state,
  activeAt: a.activeAt,
  firedAt: a.firedAt,
  lastActiveAt: a.lastActiveAt,
  resolvedAt: a.resolvedAt,
});

/** Moves a rule's alerts one evaluation on; returns how many changed state. */
async function applySamples(
  rule: AlertRule,
  samples: Sample[],
  now: Date,
  ms: number,
  force: boolean,
): Promise<number> {
  // A disabled rule's alerts resolve at once: no one is watching that check any more.
  const timing = {
    forSeconds: rule.forSeconds,
    keepFiringForSeconds: rule.enabled ? rule.keepFiringForSeconds : 0,
  };
  const found = new Map<string, { labels: Record<string, string>; sample: Sample }>();
  for (const s of samples) {
    const labels = labelsOf(rule, s);
    found.set(fingerprintOf(labels), { labels, sample: s });
  }
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<{ lastEvalAt: Date | null }[]>(
      `SELECT "lastEvalAt" FROM "AlertRule" WHERE id = $1::uuid FOR UPDATE`,
      rule.id,
    );
    // Gone, or evaluated by someone else since this evaluation read it.
    if (!locked || (!force && locked.lastEvalAt?.getTime() !== rule.lastEvalAt?.getTime())) return 0;
    const open = await tx.alertInstance.findMany({ where: { ruleId: rule.id, state: { not: "resolved" } } });
    let changes = 0;
    const held: { id: string; value: number | null; annotations: string }[] = [];
    for (const a of open) {
      const hit = found.get(a.fingerprint);
      found.delete(a.fingerprint);
      const next = step(toInstance(a), rule.enabled && !!hit, timing, now);
      if (next.kind === "drop") {
        await tx.alertInstance.delete({ where: { id: a.id } });
        continue;
      }
      if (next.changed) {
        changes++;
        await tx.alertInstance.update({
          where: { id: a.id },
          data: {
            ...next.instance,
            ...(hit ? { value: hit.sample.value, annotations: annotationsOf(hit.sample) } : {}),
          },
        });
      } else if (hit) {
        held.push({ id: a.id, value: hit.sample.value, annotations: JSON.stringify(annotationsOf(hit.sample)) });
      }
    }
    if (held.length > 0) await touchHeld(tx, held, now);
    const created = [...found].flatMap(([fingerprint, { labels, sample }]) => {
      const next = step(null, true, timing, now);
      return next.kind === "keep"
        ? [
            {
              ruleId: rule.id,
              fingerprint,
              labels,
              annotations: annotationsOf(sample),
              value: sample.value,
              ...next.instance,
            },
          ]
        : [];
    });
    if (created.length > 0) await tx.alertInstance.createMany({ data: created });
    await tx.alertRule.update({
      where: { id: rule.id },
      data: { lastEvalAt: now, lastEvalMs: ms, lastError: null },
    });
    return changes + created.length;
  });
}

// summaryCode rides in the stored annotations (not the Alertmanager ones a webhook sends, which are strings).
const annotationsOf = (s: Sample) => ({
  summary: s.summary,
  link: s.link,
  ...(s.summaryCode ? { summaryCode: s.summaryCode } : {}),
});

/** Alerts that still hold: one statement for all of them (thousands when a site goes dark). */
async function touchHeld(tx: Tx, held: { id: string; value: number | null; annotations: string }[], now: Date) {
  await tx.$executeRawUnsafe(
    `UPDATE "AlertInstance" a SET "lastActiveAt" = $1, value = u.value, annotations = u.annotations, "updatedAt" = $1
     FROM unnest($2::uuid[], $3::float8[], $4::jsonb[]) AS u(id, value, annotations) WHERE a.id = u.id`,
    now,
    held.map((h) => h.id),
    held.map((h) => h.value),
    held.map((h) => h.annotations),
  );
}

/**
 * Silences that ended since the last look: the alerts still firing under them
 * are recorded on the silence, so the console and the receivers can say that
 * a mute ended while its alert still fires (instead of it passing unnoticed).
 */
async function checkEndedSilences(now: Date): Promise<number> {
  const ended = await db.alertSilence.findMany({ where: { endsAt: { lte: now }, endCheckedAt: null } });
  if (ended.length === 0) return 0;
  const firing = await db.alertInstance.findMany({
    where: { state: "firing" },
    select: { fingerprint: true, labels: true },
  });
  for (const s of ended) {
    const matchers = readMatchers(s.matchers);
    const still = firing
      .filter((a) => matchesAll(matchers, a.labels as Record<string, string>))
      .map((a) => a.fingerprint);
    await db.alertSilence.updateMany({
      where: { id: s.id, endCheckedAt: null },
      data: { endCheckedAt: now, firingAtEnd: still },
    });
  }
  return ended.length;
}
