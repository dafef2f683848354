/**
 * A run's energy as its model version records it: the job's GPU energy
 * (lib/energy), with how much of the GPUs' time power telemetry covered and,
 * in words, why a figure is missing or partial. A kWh figure over half the
 * run's time must not read like the whole run's.
 */
import type { JobEnergyOut } from "../energy/schemas";
import { AppError } from "../errors";
import type { VersionEnergy } from "./schemas";

/** A version's energy when it is not known, with the reason in words. */
export function unknownEnergy(note: string, computedAt: Date): VersionEnergy {
  const none = { kwh: null, co2eKg: null, cost: null, currency: null, from: null, to: null, coverage: null };
  return { ...none, note, computedAt: computedAt.toISOString() };
}

const spanMs = (s: { from: string; to: string }) => Math.max(0, Date.parse(s.to) - Date.parse(s.from));

/**
 * Whether any power sample covered the GPU's allocation. A GPU draws tens of
 * watts even idle, so over a positive span its kWh (kept to 6 decimals, 3.6 J)
 * is above 0 once a sample covers any of it; exactly 0 means none did. Gaps
 * shorter than five minutes are not reported, so a run shorter than the
 * scrape interval, or one that finished before the next scrape, would
 * otherwise read as 0 kWh at full coverage.
 */
const isMeasured = (g: JobEnergyOut["gpus"][number]) => g.kwh > 0 || spanMs(g) === 0;

/** The share of allocated GPU time not inside a reported gap (an unmeasured GPU is all gap); null when no time was allocated. */
export function coverageOf(energy: JobEnergyOut): number | null {
  const total = energy.gpus.reduce((sum, g) => sum + spanMs(g), 0);
  if (total === 0) return null;
  const gaps = energy.gpus.reduce(
    (sum, g) => sum + (isMeasured(g) ? g.gaps.reduce((s, gap) => s + spanMs(gap), 0) : spanMs(g)),
    0,
  );
  return Math.max(0, Math.min(1, (total - gaps) / total));
}

/**
 * `gpusReportingPower`: how many of the job's GPUs sent any power or energy
 * sample around their allocation. Gaps shorter than a few scrapes are not
 * reported as gaps, so a short run on silent GPUs would otherwise read as 0 kWh;
 * a GPU whose samples missed its allocation altogether counts as not reporting.
 */
export function toVersionEnergy(energy: JobEnergyOut, computedAt: Date, gpusReportingPower: number): VersionEnergy {
  const gpus = new Set(energy.gpus.map((g) => g.uuid)).size;
  const measured = new Set(energy.gpus.filter((g) => g.kwh > 0).map((g) => g.uuid)).size;
  const reporting = Math.min(gpusReportingPower, measured);
  const coverage = reporting === 0 ? 0 : coverageOf(energy);
  const notes: string[] = [];
  if (coverage === 0)
    notes.push("No GPU power telemetry arrived while the run held its GPUs, so its energy is not known.");
  else if (reporting < gpus)
    notes.push(`Only ${reporting} of the ${gpus} GPUs reported power; the kWh counts those only.`);
  else if (coverage !== null && coverage < 0.99)
    notes.push(
      `Power telemetry covers ${Math.round(coverage * 100)}% of the GPUs' allocated time; the kWh counts that part only.`,
    );
  if (coverage !== 0 && energy.co2eKg === null) notes.push("CO₂e is unknown: a site has no carbon intensity set.");
  if (coverage !== 0 && energy.cost === null)
    notes.push(
      energy.currency === null && energy.gpus.length > 1
        ? "Cost is unknown: no tariff, or the GPUs' sites bill in different currencies."
        : "Cost is unknown: a site has no tariff set.",
    );
  const isKnown = coverage !== 0;
  return {
    kwh: isKnown ? energy.kwh : null,
    co2eKg: isKnown ? energy.co2eKg : null,
    cost: isKnown ? energy.cost : null,
    currency: energy.currency,
    from: energy.from,
    to: energy.to,
    coverage,
    note: notes.length ? notes.join(" ") : null,
    computedAt: computedAt.toISOString(),
  };
}

/** The energy of a run, or why it could not be computed (the version is still registered). */
export async function energyOfRun(
  compute: () => Promise<JobEnergyOut>,
  countReporting: () => Promise<number>,
  now = new Date(),
): Promise<VersionEnergy> {
  try {
    const [energy, reporting] = await Promise.all([compute(), countReporting()]);
    return toVersionEnergy(energy, now, reporting);
  } catch (err) {
    // A database failure is retried by the caller; only a refusal (no allocations, …) is recorded as the reason.
    if (!(err instanceof AppError)) throw err;
    return unknownEnergy(`Energy could not be computed: ${err.message}`, now);
  }
}
