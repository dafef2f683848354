/**
 * What a deploy form may offer: each registered model with the versions a
 * deployment may serve (not archived) and the aliases it may follow.
 */
import { db } from "../db";

export type DeployChoice = { model: string; versions: number[]; aliases: { alias: string; version: number }[] };

/** Models by name (at most `limit`), newest versions first. */
export async function listDeployChoices(limit = 200): Promise<DeployChoice[]> {
  const models = await db.registeredModel.findMany({
    orderBy: { name: "asc" },
    take: limit,
    select: {
      name: true,
      versions: { where: { archivedAt: null }, orderBy: { version: "desc" }, select: { version: true } },
      aliases: { orderBy: { alias: "asc" }, select: { alias: true, version: { select: { version: true } } } },
    },
  });
  return models.map((m) => ({
    model: m.name,
    versions: m.versions.map((v) => v.version),
    aliases: m.aliases.map((a) => ({ alias: a.alias, version: a.version.version })),
  }));
}

/** The versions of `model` a deployment may serve (not archived), newest first. */
export async function listDeployableVersions(model: string): Promise<number[]> {
  const rows = await db.modelVersion.findMany({
    where: { model: { name: model }, archivedAt: null },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return rows.map((r) => r.version);
}
