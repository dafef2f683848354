import { db } from "../db";
import { DriftBaseline } from "./drift-baseline";
import { driftOf } from "./drift";

/**
 * Drift over time: PSI per feature in consecutive buckets of the window, so a
 * page can draw when inputs moved and set it beside the serving servers' GPU
 * events (a fault is not drift). Each bucket reads at most `perBucket` logged
 * instances; a bucket with fewer than `minInstances` says nothing (null)
 * rather than a PSI of noise.
 */
export type DriftBucket = { from: string; to: string; instances: number; psi: Record<string, number> | null };
export type DriftSeries = { unknown: string | null; features: string[]; buckets: DriftBucket[] };

export async function driftSeries(
  deploymentId: string,
  versionId: string,
  from: Date,
  to: Date,
  opts: { buckets?: number; perBucket?: number; minInstances?: number } = {},
): Promise<DriftSeries> {
  const { buckets = 12, perBucket = 1000, minInstances = 30 } = opts;
  const version = await db.modelVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { driftBaseline: true },
  });
  const baseline = DriftBaseline.safeParse(version.driftBaseline);
  if (!baseline.success)
    return { unknown: "This version has no training distribution to compare with.", features: [], buckets: [] };
  const width = (to.getTime() - from.getTime()) / buckets;
  const out: DriftBucket[] = [];
  for (let i = 0; i < buckets; i++) {
    const start = new Date(from.getTime() + i * width);
    const end = new Date(from.getTime() + (i + 1) * width);
    const records = await db.predictionRecord.findMany({
      where: { deploymentId, versionId, at: { gte: start, lt: end } },
      orderBy: { at: "desc" },
      take: perBucket,
      select: { inputs: true },
    });
    const instances = records.flatMap((r) => r.inputs as Record<string, unknown>[]).slice(0, perBucket);
    const report = instances.length >= minInstances ? driftOf(baseline.data, instances) : null;
    out.push({
      from: start.toISOString(),
      to: end.toISOString(),
      instances: instances.length,
      psi: report ? Object.fromEntries(report.features.map((f) => [f.name, f.psi])) : null,
    });
  }
  return { unknown: null, features: baseline.data.features.map((f) => f.name), buckets: out };
}

/** The stable version's drift over the deployment's window ending `now`. */
export async function deploymentDriftSeries(
  name: string,
  windowMinutes: number,
  now = new Date(),
): Promise<DriftSeries> {
  const d = await db.deployment.findUnique({ where: { name } });
  if (!d) return { unknown: `Deployment ${name} does not exist`, features: [], buckets: [] };
  return driftSeries(d.id, d.stableVersionId, new Date(now.getTime() - windowMinutes * 60_000), now);
}
