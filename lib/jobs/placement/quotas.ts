import { db } from "../../db";
import { recordAudit } from "../../audit/events";
import type { Principal } from "../../auth/principal";
import { actorOf } from "../../auth/principal";
import { AppError } from "../../errors";
import type { PutQuotaInput, QuotaOut } from "../schemas";

async function usageByTeam(): Promise<Map<string, number>> {
  const rows = await db.job.groupBy({
    by: ["team"],
    where: { status: { in: ["placed", "running"] } },
    _sum: { gpus: true },
  });
  return new Map(rows.map((r) => [r.team, r._sum.gpus ?? 0]));
}

/** Every team quota with the GPUs the team's jobs hold now. Teams without a row have no limit. */
export async function listQuotas(): Promise<QuotaOut[]> {
  const [quotas, usage] = await Promise.all([db.teamQuota.findMany({ orderBy: { team: "asc" } }), usageByTeam()]);
  return quotas.map((q) => ({
    team: q.team,
    maxGpus: q.maxGpus,
    usedGpus: usage.get(q.team) ?? 0,
    updatedBy: q.updatedBy,
    updatedAt: q.updatedAt.toISOString(),
  }));
}

/** Every team that has submitted a job or has a quota, by name: the teams a quota can be set for. */
export async function listTeamNames(): Promise<string[]> {
  const [jobTeams, quotaTeams] = await Promise.all([
    db.job.findMany({ distinct: ["team"], select: { team: true } }),
    db.teamQuota.findMany({ select: { team: true } }),
  ]);
  return [...new Set([...jobTeams, ...quotaTeams].map((t) => t.team))].sort();
}

/**
 * Sets a team's quota. Lowering it below what the team holds stops nothing that
 * runs: it only keeps the team's next jobs waiting until usage drops.
 */
export async function putQuota(team: string, input: PutQuotaInput, actor: Principal): Promise<QuotaOut> {
  await db.$transaction(async (tx) => {
    const before = await tx.teamQuota.findUnique({ where: { team } });
    await tx.teamQuota.upsert({
      where: { team },
      create: { team, maxGpus: input.maxGpus, updatedBy: actorOf(actor) },
      update: { maxGpus: input.maxGpus, updatedBy: actorOf(actor) },
    });
    await recordAudit(tx, actor, {
      action: "job.quota_set",
      target: `team:${team}`,
      details: { from: before?.maxGpus ?? null, to: input.maxGpus },
    });
  });
  return (await listQuotas()).find((q) => q.team === team)!;
}

export async function deleteQuota(team: string, actor: Principal): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.teamQuota.findUnique({ where: { team } });
    if (!before) throw new AppError("not_found", `Team ${team} has no quota`);
    await tx.teamQuota.delete({ where: { team } });
    await recordAudit(tx, actor, {
      action: "job.quota_delete",
      target: `team:${team}`,
      details: { from: before.maxGpus },
    });
  });
}
