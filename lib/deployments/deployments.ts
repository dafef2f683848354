/**
 * Deployments, the control plane: which model version (pinned, or following
 * an alias) a name serves, with an optional canary taking a share of the
 * traffic, where it is placed, and whether it runs. Every change bumps the
 * deployment's revision (serving processes poll it), writes an event, and is
 * audited. Lock order: the model's row, then the deployment's, audit last.
 */
import { db, type Prisma, type Tx } from "../db";
import { recordAudit } from "../audit/events";
import { actorOf, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { Deployment, DeploymentEvent } from "../generated/prisma/client";
import { lockModel, resolveAlias } from "../models/aliases";
import { Signature } from "../models/schemas";
import { getModelRowOrThrow } from "../models/versions";
import type { DeploymentDetailOut, DeploymentEventOut, DeploymentOut } from "./outputs";
import { Gates, type CreateDeploymentInput, type UpdateDeploymentInput } from "./schemas";

type Versions = Map<string, { version: number; model: string }>;

async function versionNumbers(ids: string[]): Promise<Versions> {
  const rows = await db.modelVersion.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, version: true, model: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.id, { version: r.version, model: r.model.name }]));
}

export function toDeploymentOut(d: Deployment, versions: Versions): DeploymentOut {
  const ref = (id: string) => ({ versionId: id, version: versions.get(id)?.version ?? 0 });
  return {
    name: d.name,
    model: versions.get(d.stableVersionId)?.model ?? "?",
    alias: d.alias,
    status: d.status,
    stable: ref(d.stableVersionId),
    approved: ref(d.approvedVersionId),
    canary: d.canaryVersionId
      ? { ...ref(d.canaryVersionId), weight: d.canaryWeight, startedAt: d.canaryStartedAt?.toISOString() ?? null }
      : null,
    gates: Gates.parse(d.gates),
    servers: d.servers,
    revision: d.revision.toString(),
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toEventOut(e: DeploymentEvent): DeploymentEventOut {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor,
    message: e.message,
    details: e.details ?? null,
  };
}

export async function getDeploymentRowOrThrow(name: string, client: Tx | typeof db = db): Promise<Deployment> {
  const d = await client.deployment.findUnique({ where: { name } });
  if (!d) throw new AppError("not_found", `Deployment ${name} does not exist`);
  return d;
}

export async function listDeployments(): Promise<DeploymentOut[]> {
  const rows = await db.deployment.findMany({ orderBy: { name: "asc" } });
  const versions = await versionNumbers(
    rows.flatMap((d) => [d.stableVersionId, d.approvedVersionId, d.canaryVersionId ?? d.stableVersionId]),
  );
  return rows.map((d) => toDeploymentOut(d, versions));
}

export async function getDeployment(name: string): Promise<DeploymentDetailOut> {
  const d = await getDeploymentRowOrThrow(name);
  const [versions, events] = await Promise.all([
    versionNumbers([d.stableVersionId, d.approvedVersionId, d.canaryVersionId ?? d.stableVersionId]),
    db.deploymentEvent.findMany({ where: { deploymentId: d.id }, orderBy: { id: "desc" }, take: 100 }),
  ]);
  return { ...toDeploymentOut(d, versions), events: events.map(toEventOut) };
}

/** The id of version `version` of a model, refusing an archived one. */
export async function versionIdOf(tx: Tx, modelId: string, model: string, version: number): Promise<string> {
  const v = await tx.modelVersion.findUnique({
    where: { modelId_version: { modelId, version } },
    select: { id: true, archivedAt: true },
  });
  if (!v) throw new AppError("not_found", `Model ${model} has no version ${version}`);
  if (v.archivedAt) throw new AppError("conflict", `${model} version ${version} is archived; restore it to deploy it`);
  return v.id;
}

export async function addEvent(
  tx: Tx,
  deploymentId: string,
  kind: string,
  actor: string,
  message: string,
  details?: Prisma.InputJsonValue,
): Promise<void> {
  await tx.deploymentEvent.create({ data: { deploymentId, kind, actor, message, details } });
}

/**
 * Refuses placement on hostnames the inventory does not know: a misspelt
 * server would otherwise read as "sent no power telemetry" forever.
 */
async function checkServers(tx: Tx, hostnames: readonly string[]): Promise<void> {
  if (hostnames.length === 0) return;
  const known = await tx.server.findMany({ where: { hostname: { in: [...hostnames] } }, select: { hostname: true } });
  const unknown = hostnames.filter((h) => !known.some((k) => k.hostname === h));
  if (unknown.length)
    throw new AppError(
      "unprocessable_entity",
      `No server is registered as ${unknown.join(", ")}; place the deployment on servers of the fleet`,
      { servers: unknown },
    );
}

/** Creates and starts a deployment; 409 when the name is taken. */
export async function createDeployment(input: CreateDeploymentInput, actor: Principal): Promise<DeploymentOut> {
  const model = await getModelRowOrThrow(input.model);
  const stable = input.version ?? (await resolveAlias(input.model, input.alias!));
  await db.$transaction(async (tx) => {
    await lockModel(tx, model.id);
    if (await tx.deployment.findUnique({ where: { name: input.name } }))
      throw new AppError("conflict", `Deployment ${input.name} already exists`);
    const stableId = await versionIdOf(tx, model.id, input.model, stable);
    const canaryId = input.canary ? await versionIdOf(tx, model.id, input.model, input.canary.version) : null;
    await checkServers(tx, input.servers);
    if (canaryId === stableId)
      throw new AppError("unprocessable_entity", "The canary must be another version than the stable one");
    const d = await tx.deployment.create({
      data: {
        name: input.name,
        modelId: model.id,
        alias: input.alias ?? null,
        stableVersionId: stableId,
        approvedVersionId: stableId,
        canaryVersionId: canaryId,
        canaryWeight: input.canary?.weight ?? 0,
        canaryStartedAt: canaryId ? new Date() : null,
        gates: input.gates,
        servers: input.servers,
        createdBy: actorOf(actor),
      },
    });
    const what = input.alias ? `${input.model}@${input.alias} (version ${stable})` : `${input.model} version ${stable}`;
    const canary = input.canary ? `, canary version ${input.canary.version} at ${pct(input.canary.weight)}` : "";
    await addEvent(tx, d.id, "created", actorOf(actor), `deployed ${what}${canary}`, {
      stable,
      canary: input.canary ?? null,
    });
    await recordAudit(tx, actor, { action: "deployment.create", target: `deployment:${input.name}`, details: input });
  });
  return (await getDeployment(input.name)) as DeploymentOut;
}

export const pct = (w: number) => `${Math.round(w * 1000) / 10}%`;

/** Start/stop, a canary started, changed or ended by hand, gates and placement; each audited. */
export async function updateDeployment(
  name: string,
  input: UpdateDeploymentInput,
  actor: Principal,
): Promise<DeploymentOut> {
  const current = await getDeploymentRowOrThrow(name);
  const model = await db.registeredModel.findUniqueOrThrow({ where: { id: current.modelId } });
  await db.$transaction(async (tx) => {
    await lockModel(tx, model.id);
    const d = await getDeploymentRowOrThrow(name, tx);
    const data: Prisma.DeploymentUpdateInput = { revision: { increment: 1 } };
    const notes: string[] = [];
    if (input.status && input.status !== d.status) {
      data.status = input.status;
      notes.push(input.status === "stopped" ? "stopped" : "started");
    }
    if (input.canary === null && d.canaryVersionId) {
      Object.assign(data, { canaryVersionId: null, canaryWeight: 0, canaryStartedAt: null });
      notes.push("canary ended by hand");
    } else if (input.canary) {
      const canaryId = await versionIdOf(tx, model.id, model.name, input.canary.version);
      if (canaryId === d.stableVersionId)
        throw new AppError("unprocessable_entity", "The canary must be another version than the stable one");
      const isNew = canaryId !== d.canaryVersionId;
      Object.assign(data, {
        canaryVersionId: canaryId,
        canaryWeight: input.canary.weight,
        ...(isNew ? { canaryStartedAt: new Date() } : {}),
      });
      notes.push(`canary version ${input.canary.version} at ${pct(input.canary.weight)}`);
    }
    if (input.gates) {
      data.gates = input.gates;
      notes.push("gates changed");
    }
    if (input.servers) {
      await checkServers(tx, input.servers);
      data.servers = input.servers;
      notes.push(`placed on ${input.servers.join(", ") || "no server"}`);
    }
    await tx.deployment.update({ where: { id: d.id }, data });
    const message = [...notes, input.note ? `(${input.note})` : ""].filter(Boolean).join("; ");
    await addEvent(tx, d.id, "updated", actorOf(actor), message || "no change", input as Prisma.InputJsonValue);
    await recordAudit(tx, actor, { action: "deployment.update", target: `deployment:${name}`, details: input });
  });
  return (await getDeployment(name)) as DeploymentOut;
}

export type ServingDeploymentOut = { name: string; role: "stable" | "canary"; status: DeploymentOut["status"] };

/** The deployments that serve a version, as stable or canary (a version's lineage links them). */
export async function listDeploymentsServing(versionId: string): Promise<ServingDeploymentOut[]> {
  const rows = await db.deployment.findMany({
    where: { OR: [{ stableVersionId: versionId }, { canaryVersionId: versionId }] },
    orderBy: { name: "asc" },
    select: { name: true, status: true, stableVersionId: true },
  });
  return rows.map((d) => ({
    name: d.name,
    status: d.status,
    role: d.stableVersionId === versionId ? "stable" : "canary",
  }));
}

/** The input signature of a served version (what the "try it" form asks for); null when it does not parse. */
export async function getServedSignature(versionId: string): Promise<Signature | null> {
  const v = await db.modelVersion.findUnique({ where: { id: versionId }, select: { signature: true } });
  const parsed = Signature.safeParse(v?.signature);
  return parsed.success ? parsed.data : null;
}
