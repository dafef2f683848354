/**
 * Closing the canary loop: the worker judges every canary over its window and
 * rolls a failing one back at once (to the last version a person approved),
 * steps a passing one up when its deployment allows, and promotes it at the
 * last step. Promotion moves the registry alias in the same transaction.
 * People can promote and roll back by hand too; every decision is an event
 * with its evidence, and audited.
 */
import { db, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, systemPrincipal, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { Deployment } from "../generated/prisma/client";
import { applyMove, checkMayMove, lockModel } from "../models/aliases";
import { policiesOf } from "../models/versions";
import { policyOf } from "../models/version-views";
import { judgeCanary, nextStep, type Judgement } from "./canary-gates";
import { addEvent, getDeployment, getDeploymentRowOrThrow, pct } from "./deployments";
import type { DeploymentOut } from "./outputs";
import { Gates } from "./schemas";
import { accuracyStats, windowStats } from "./serving-stats";

const versionNumber = async (tx: Tx, id: string) =>
  (await tx.modelVersion.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

/** Locks the model's row, then re-reads the deployment (lock order of the registry and deployments). */
async function lockDeployment(tx: Tx, name: string): Promise<{ d: Deployment; model: string }> {
  const d0 = await getDeploymentRowOrThrow(name, tx);
  await lockModel(tx, d0.modelId);
  const d = await getDeploymentRowOrThrow(name, tx);
  const model = (await tx.registeredModel.findUniqueOrThrow({ where: { id: d.modelId } })).name;
  return { d, model };
}

/**
 * Makes `version` the deployment's stable and approved version: by moving the
 * alias it follows (under the alias's policy; the move updates the deployment
 * in the same transaction), or directly when it pins a version.
 */
async function serveVersion(
  tx: Tx,
  d: Deployment,
  model: string,
  version: { id: string; version: number },
  note: { given: string | undefined; ledger: string },
  actor: Principal,
): Promise<void> {
  if (!d.alias) {
    await tx.deployment.update({
      where: { id: d.id },
      data: { stableVersionId: version.id, approvedVersionId: version.id, revision: { increment: 1 } },
    });
    return;
  }
  // Read in the transaction: on PGlite (one session) a query on another connection would wait for it.
  const policies = await tx.modelAliasPolicy.findMany({ where: { modelId: d.modelId } });
  // A protected alias needs the person's own note, not the one made up for the ledger.
  checkMayMove(policyOf(policies, d.alias), actor, note.given);
  const move = { modelId: d.modelId, name: model, alias: d.alias, version: version.version, note: note.ledger };
  await applyMove(tx, move, { actor: actorOf(actor) }, actor);
}

/**
 * The canary becomes the stable version. A deployment that follows an alias
 * moves the alias (a protected one needs models.promote and a note, like any
 * move); the alias move updates the deployment in the same transaction.
 */
export async function promoteCanary(name: string, note: string | undefined, actor: Principal, evidence?: Judgement) {
  await db.$transaction(async (tx) => {
    const { d, model } = await lockDeployment(tx, name);
    if (!d.canaryVersionId) throw new AppError("conflict", `Deployment ${name} has no canary to promote`);
    const [from, to] = [await versionNumber(tx, d.stableVersionId), await versionNumber(tx, d.canaryVersionId)];
    const message = `promoted canary version ${to} over version ${from}${note ? ` (${note})` : ""}`;
    const target = { id: d.canaryVersionId, version: to };
    await serveVersion(tx, d, model, target, { given: note, ledger: note ?? message }, actor);
    await tx.deployment.update({
      where: { id: d.id },
      data: { canaryVersionId: null, canaryWeight: 0, canaryStartedAt: null, revision: { increment: 1 } },
    });
    await addEvent(tx, d.id, "promoted", actorOf(actor), message, {
      from,
      to,
      fromVersionId: d.stableVersionId,
      evidence: (evidence?.evidence ?? null) as Prisma.InputJsonValue,
    });
    await recordAudit(tx, actor, {
      action: "deployment.promote",
      target: `deployment:${name}`,
      details: { from, to, note: note ?? null },
    });
  });
  return (await getDeployment(name)) as DeploymentOut;
}

/** The id of the promotion event a rollback event undid (details.undoes), if it undid one. */
export function undoneBy(event: { details: unknown }): string | null {
  const undoes = (event.details as { undoes?: unknown } | null)?.undoes;
  return typeof undoes === "string" ? undoes : null;
}

/**
 * Back to the last approved state: a canary is ended; without one, a stable
 * version a person has not approved goes back to the approved one, and else
 * the last promotion is undone (a followed alias moves back, under its policy).
 */
export async function rollbackDeployment(
  name: string,
  note: string | undefined,
  actor: Principal,
  judgement?: Judgement,
) {
  await db.$transaction(async (tx) => {
    const { d, model } = await lockDeployment(tx, name);
    const by = actorOf(actor);
    const evidence = (judgement?.evidence ?? null) as Prisma.InputJsonValue;
    let message: string;
    let undoes: string | null = null;
    if (d.canaryVersionId) {
      const canary = await versionNumber(tx, d.canaryVersionId);
      const toApproved = d.stableVersionId !== d.approvedVersionId;
      await tx.deployment.update({
        where: { id: d.id },
        data: {
          canaryVersionId: null,
          canaryWeight: 0,
          canaryStartedAt: null,
          stableVersionId: d.approvedVersionId,
          revision: { increment: 1 },
        },
      });
      const approved = await versionNumber(tx, d.approvedVersionId);
      message = `rolled back canary version ${canary}${toApproved ? `; serving approved version ${approved}` : ""}: ${judgement?.reason ?? note ?? "by hand"}`;
    } else {
      const last = await tx.deploymentEvent.findFirst({
        where: { deploymentId: d.id, kind: "promoted" },
        orderBy: { id: "desc" },
      });
      const previousId = (last?.details as { fromVersionId?: string } | null)?.fromVersionId;
      if (!last || !previousId)
        throw new AppError("conflict", `Deployment ${name} has no canary and no promotion to roll back`);
      // A promotion is undone once: a second rollback would "undo" it again and write a move to where it already is.
      const later = await tx.deploymentEvent.findMany({
        where: { deploymentId: d.id, kind: "rolled_back", id: { gt: last.id } },
        select: { details: true },
      });
      if (later.some((e) => undoneBy(e) === last.id.toString()))
        throw new AppError("conflict", `The last promotion of ${name} was already rolled back`);
      const previous = await versionNumber(tx, previousId);
      const target = { id: previousId, version: previous };
      await serveVersion(tx, d, model, target, { given: note, ledger: note ?? `rollback of ${name}` }, actor);
      message = `rolled back to version ${previous}${note ? ` (${note})` : ""}`;
      undoes = last.id.toString();
    }
    await addEvent(tx, d.id, "rolled_back", by, message, {
      note: note ?? null,
      automatic: !!judgement,
      evidence,
      ...(undoes ? { undoes } : {}),
    });
    await recordAudit(tx, actor, {
      action: judgement ? "deployment.auto_rollback" : "deployment.rollback",
      target: `deployment:${name}`,
      details: { message, evidence },
    });
  });
  return (await getDeployment(name)) as DeploymentOut;
}

async function sideOf(d: Deployment, versionId: string, from: Date, to: Date) {
  const [stats, accuracy, version] = await Promise.all([
    windowStats(d.id, from, to, versionId),
    accuracyStats(d.id, from, to, versionId),
    db.modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { version: true } }),
  ]);
  return { version: version.version, stats, accuracy };
}

/** What the gates say about a deployment's canary now, without acting on it; null without a canary. */
export async function readCanaryGates(d: Deployment, now = new Date()): Promise<Judgement | null> {
  if (!d.canaryVersionId) return null;
  const gates = Gates.parse(d.gates);
  // Whole minutes after the canary (or its last step) started: the minute it started in
  // also holds traffic from before, at the old weight or of another canary.
  const started = Math.ceil((d.canaryStartedAt ?? d.updatedAt).getTime() / 60_000) * 60_000;
  const from = new Date(Math.max(started, now.getTime() - gates.windowMinutes * 60_000));
  const [stable, canary] = await Promise.all([
    sideOf(d, d.stableVersionId, from, now),
    sideOf(d, d.canaryVersionId, from, now),
  ]);
  return judgeCanary(gates, stable, canary);
}

/** The gates' reading of a deployment's canary by name (the page's "current reading"). */
export async function getCanaryReading(name: string, now = new Date()): Promise<Judgement | null> {
  return readCanaryGates(await getDeploymentRowOrThrow(name), now);
}

/** Judges one deployment's canary now, and acts on the judgement. */
export async function judgeDeploymentCanary(d: Deployment, now = new Date()): Promise<Judgement | null> {
  if (!d.canaryVersionId || d.status !== "active") return null;
  const gates = Gates.parse(d.gates);
  const judgement = (await readCanaryGates(d, now))!;
  if (judgement.decision === "fail") await rollbackDeployment(d.name, undefined, systemPrincipal, judgement);
  else if (judgement.decision === "pass" && gates.autoStep) await stepCanary(d, gates, judgement);
  return judgement;
}

async function stepCanary(d: Deployment, gates: Gates, judgement: Judgement): Promise<void> {
  const next = nextStep(gates, d.canaryWeight);
  if (next === null) {
    const policy = d.alias ? policyOf(await policiesOf(d.modelId), d.alias) : null;
    // A protected alias is a person's decision: the system says the canary is ready instead.
    if (policy?.isProtected)
      return void (await noteOnce(
        d,
        "ready",
        `gates passed at ${pct(d.canaryWeight)}: ready to promote (the protected alias ${d.alias} needs an admin)`,
        judgement,
      ));
    await promoteCanary(d.name, `gates passed at ${pct(d.canaryWeight)}`, systemPrincipal, judgement);
    return;
  }
  await db.$transaction(async (tx) => {
    await lockModel(tx, d.modelId);
    // The weight and the clock restart: the next window judges the new share from its start.
    const { count } = await tx.deployment.updateMany({
      where: { id: d.id, canaryVersionId: d.canaryVersionId, canaryWeight: d.canaryWeight },
      data: { canaryWeight: next, canaryStartedAt: new Date(), revision: { increment: 1 } },
    });
    if (count === 0) return;
    await addEvent(
      tx,
      d.id,
      "canary_stepped",
      "system",
      `canary stepped from ${pct(d.canaryWeight)} to ${pct(next)}: ${judgement.reason}`,
      {
        evidence: judgement.evidence as unknown as Prisma.InputJsonValue,
      },
    );
    await recordAudit(tx, systemPrincipal, {
      action: "deployment.canary_step",
      target: `deployment:${d.name}`,
      details: { from: d.canaryWeight, to: next },
    });
  });
}

/** An event written once per canary state (a passed gate is not news every ten seconds). */
async function noteOnce(d: Deployment, kind: string, message: string, judgement: Judgement): Promise<void> {
  const last = await db.deploymentEvent.findFirst({ where: { deploymentId: d.id }, orderBy: { id: "desc" } });
  if (last?.kind === kind) return;
  await db.$transaction((tx) =>
    addEvent(tx, d.id, kind, "system", message, { evidence: judgement.evidence as unknown as Prisma.InputJsonValue }),
  );
}

/** The worker's pass: judge every active canary. */
export async function judgeCanaries(now = new Date()): Promise<{ judged: number; rolledBack: number }> {
  const deployments = await db.deployment.findMany({ where: { status: "active", canaryVersionId: { not: null } } });
  let rolledBack = 0;
  for (const d of deployments) {
    const j = await judgeDeploymentCanary(d, now);
    if (j?.decision === "fail") rolledBack++;
  }
  return { judged: deployments.length, rolledBack };
}

/** Whether a rollback without a canary has a promotion to undo (the newest one, not yet rolled back). */
export function hasPromotionToUndo(events: readonly { id: string; kind: string; details: unknown }[]): boolean {
  const last = events.find((e) => e.kind === "promoted");
  return !!last && !events.some((e) => e.kind === "rolled_back" && undoneBy(e) === last.id);
}
