import { db, type Prisma } from "../../db";
import { recordAudit } from "../../audit/events";
import type { Principal } from "../../auth/principal";
import { AppError } from "../../errors";
import type { CreateTargetInput, TargetOut, UpdateTargetInput } from "../schemas";
import { isIP } from "node:net";
import { currentNetworkPolicy } from "./network-policy";

type TargetRow = Prisma.ScrapeTargetGetPayload<object>;

export function toTargetOut(t: TargetRow): TargetOut {
  return {
    id: t.id,
    url: t.url,
    intervalSeconds: t.intervalSeconds,
    enabled: t.enabled,
    nextScrapeAt: t.nextScrapeAt.toISOString(),
    lastScrapeAt: t.lastScrapeAt?.toISOString() ?? null,
    lastSuccessAt: t.lastSuccessAt?.toISOString() ?? null,
    lastError: t.lastError,
    lastSamples: t.lastSamples,
    lastDurationMs: t.lastDurationMs,
    consecutiveFailures: t.consecutiveFailures,
    createdAt: t.createdAt.toISOString(),
  };
}

/** Adds a target; the worker scrapes it at once and then every intervalSeconds. A known URL is a 409. */
export async function createScrapeTarget(input: CreateTargetInput, actor: Principal): Promise<TargetOut> {
  await refuseDisallowedAddress(input.url);
  return db.$transaction(async (tx) => {
    const t = await tx.scrapeTarget.create({ data: { ...input, nextScrapeAt: new Date() } });
    await recordAudit(tx, actor, { action: "telemetry.target_create", target: `target:${t.url}`, details: input });
    return toTargetOut(t);
  });
}

/**
 * A target given as an address outside the allowed networks is refused when
 * added, not only at every scrape; names are checked where they resolve, at
 * each scrape (fetch-page.ts), as DNS may answer differently later.
 */
async function refuseDisallowedAddress(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const policy = await currentNetworkPolicy();
  if (isIP(host) && !policy.allows(host))
    throw new AppError(
      "unprocessable_entity",
      `${host} is not in the allowed scrape networks (${policy.allowed.join(", ") || "none"}); an admin can allow its network in PUT /api/v1/telemetry/scrape-networks`,
    );
}

export async function listScrapeTargets(): Promise<TargetOut[]> {
  return (await db.scrapeTarget.findMany({ orderBy: { url: "asc" } })).map(toTargetOut);
}

export async function updateScrapeTarget(id: string, input: UpdateTargetInput, actor: Principal): Promise<TargetOut> {
  return db.$transaction(async (tx) => {
    const current = await tx.scrapeTarget.findUnique({ where: { id } });
    if (!current) throw new AppError("not_found", `Scrape target ${id} does not exist`);
    // Re-enabling a target that was backing off should scrape it now, not after the backoff.
    const data: Prisma.ScrapeTargetUpdateInput = {
      ...input,
      ...(input.enabled && !current.enabled ? { nextScrapeAt: new Date(), consecutiveFailures: 0 } : {}),
    };
    const t = await tx.scrapeTarget.update({ where: { id }, data });
    await recordAudit(tx, actor, { action: "telemetry.target_update", target: `target:${t.url}`, details: input });
    return toTargetOut(t);
  });
}

export async function deleteScrapeTarget(id: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const t = await tx.scrapeTarget.findUnique({ where: { id } });
    if (!t) throw new AppError("not_found", `Scrape target ${id} does not exist`);
    await tx.scrapeTarget.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "telemetry.target_delete", target: `target:${t.url}` });
  });
}
