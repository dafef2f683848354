/**
 * Deployments that follow an alias move with it, in the transaction that
 * moves the alias (lib/models/aliases.ts applyMove): there is no moment when
 * the registry says one version and the deployment serves another. A person
 * moved the alias, so the new version is also the approved one.
 */
import type { Tx } from "../db";

export async function followAliasMove(
  tx: Tx,
  move: { modelId: string; alias: string; versionId: string; version: number; from: number | null },
  actor: string,
): Promise<void> {
  const following = await tx.deployment.findMany({
    where: { modelId: move.modelId, alias: move.alias },
    select: { id: true, canaryVersionId: true },
  });
  for (const d of following) {
    // A canary of the version now promoted has nothing left to prove.
    const endsCanary = d.canaryVersionId === move.versionId;
    await tx.deployment.update({
      where: { id: d.id },
      data: {
        stableVersionId: move.versionId,
        approvedVersionId: move.versionId,
        revision: { increment: 1 },
        ...(endsCanary ? { canaryVersionId: null, canaryWeight: 0, canaryStartedAt: null } : {}),
      },
    });
    await tx.deploymentEvent.create({
      data: {
        deploymentId: d.id,
        kind: "alias_followed",
        actor,
        message: `${move.alias} moved from version ${move.from ?? "none"} to ${move.version}; now serving version ${move.version}${endsCanary ? " (its canary ended)" : ""}`,
        details: { alias: move.alias, from: move.from, to: move.version },
      },
    });
  }
}
