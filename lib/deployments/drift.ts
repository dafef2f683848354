/**
 * Drift of a deployment's live inputs against its version's training split,
 * per feature: PSI over the training quantile bins (the headline figure),
 * and KS (numeric) or χ² (categorical) with effect size, p-value and sample
 * counts beside it. Overall drift when at least half the features drift.
 */
import { db } from "../db";
import { chiSquareHomogeneity, countBins, ksTwoSample, psi, psiBand, type PsiBand } from "./drift-stats";
import { DriftBaseline, type FeatureBaseline } from "./drift-baseline";

/** Live instances read per drift computation (newest first): enough for stable bins, cheap to read. */
const MAX_LIVE = 5000;

export type FeatureDrift = {
  name: string;
  type: "numeric" | "categorical";
  psi: number;
  band: PsiBand;
  test: { kind: "ks" | "chi2"; statistic: number; pValue: number; effectSize: number };
  samples: { training: number; live: number; liveMissing: number };
};

export type DriftReport = {
  /** Why drift is not known, when it is not. */
  unknown: string | null;
  instances: number;
  features: FeatureDrift[];
  isDrifting: boolean;
  driftingFeatures: number;
};

export function featureDrift(b: FeatureBaseline, live: readonly unknown[]): FeatureDrift {
  const present = live.filter((v) => v !== null && v !== undefined);
  const liveMissing = live.length - present.length;
  if (b.type === "numeric") {
    const values = present.map(Number).filter(Number.isFinite);
    const p = psi(b.counts, countBins(values, b.edges));
    const ks = ksTwoSample(b.sample, values);
    return {
      name: b.name,
      type: "numeric",
      psi: p,
      band: psiBand(p),
      test: { kind: "ks", statistic: ks.d, pValue: ks.pValue, effectSize: ks.d },
      samples: { training: b.counts.reduce((s, c) => s + c, 0), live: values.length, liveMissing },
    };
  }
  const counts = b.categories.map((c) => present.filter((v) => String(v) === c).length);
  const p = psi(b.counts, counts);
  const chi = chiSquareHomogeneity(b.counts, counts);
  return {
    name: b.name,
    type: "categorical",
    psi: p,
    band: psiBand(p),
    test: { kind: "chi2", statistic: chi.chi2, pValue: chi.pValue, effectSize: chi.cramersV },
    samples: { training: b.counts.reduce((s, c) => s + c, 0), live: counts.reduce((s, c) => s + c, 0), liveMissing },
  };
}

export function driftOf(baseline: DriftBaseline, instances: readonly Record<string, unknown>[]): DriftReport {
  const features = baseline.features.map((b) =>
    featureDrift(
      b,
      instances.map((i) => i[b.name] ?? null),
    ),
  );
  const drifting = features.filter((f) => f.band === "drifted").length;
  return {
    unknown: null,
    instances: instances.length,
    features,
    isDrifting: features.length > 0 && drifting * 2 >= features.length,
    driftingFeatures: drifting,
  };
}

const unknown = (why: string): DriftReport => ({
  unknown: why,
  instances: 0,
  features: [],
  isDrifting: false,
  driftingFeatures: 0,
});

/** Drift of the inputs `versionId` answered for a deployment over [from, to). */
export async function driftOfVersion(
  deploymentId: string,
  versionId: string,
  from: Date,
  to: Date,
): Promise<DriftReport> {
  const version = await db.modelVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { driftBaseline: true },
  });
  const baseline = DriftBaseline.safeParse(version.driftBaseline);
  if (!baseline.success)
    return unknown(
      "This version has no training distribution to compare with (a model registered from outside, or trained before drift baselines).",
    );
  const records = await db.predictionRecord.findMany({
    where: { deploymentId, versionId, at: { gte: from, lt: to } },
    orderBy: { at: "desc" },
    take: MAX_LIVE,
    select: { inputs: true },
  });
  const instances = records.flatMap((r) => r.inputs as Record<string, unknown>[]).slice(0, MAX_LIVE);
  if (instances.length === 0) return unknown("No predictions were logged in this window.");
  return driftOf(baseline.data, instances);
}
