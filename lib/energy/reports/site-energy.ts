import type { EnergyMeterKind, EnergyScope } from "../../generated/prisma/enums";
import { coarseRuns, overlaps, type CoarseRun } from "../profiles/coarse";
import {
  chooseRollup,
  readSiteGpuCoverage,
  readSiteGpuPower,
  rollupWidthMs,
  SITE_FINE_MAX_SPAN_MS,
  type GpuCoverage,
} from "../profiles/gpu-power";
import { listSiteMeters, meterProfile, readMeterReadings, type SiteMeter } from "../meters/meter-readings";
import {
  addBuckets,
  energyPerBucketKwh,
  isSilentAt,
  meterGaps,
  sumBuckets,
  type CountedSpan,
  type PowerProfile,
  type TimeSpan,
} from "../profiles/power-profile";
import { PRICING_BUCKET_MS } from "../pricing/pricing";
import { readingIntervalMs, registerSilentAfterMs, rollupProfile } from "../profiles/profiles";
import { pueOver, type PueResult } from "../profiles/pue";
import type { EnergySite } from "../pricing/site-context";

type MeterRef = { meter: string; scope: EnergyScope };

export type MeterEnergy = MeterRef & {
  kind: EnergyMeterKind;
  kwh: number;
  /** The part of the period its readings cover: from its first reading (or the period's start) to its last (or the period's end). */
  readFromMs: number;
  /** Earlier than the period's start when the meter has not been read since before it. */
  readThroughMs: number;
  /** Median time between its readings; null with fewer than two. */
  intervalMs: number | null;
  /** Silent at the period's end for longer than its reading interval allows: the time since its last reading is a gap. */
  isSilent: boolean;
  profile: PowerProfile;
};
export type MeterGap = TimeSpan & { meter: string };
export type MeterCoarse = CoarseRun & MeterRef;
export type MeterReset = CountedSpan & MeterRef;

/** A site's energy over [fromMs, toMs) per scope, as quarter-hour buckets ready for pricing. */
export type SiteEnergy = {
  fromMs: number;
  toMs: number;
  /** Register intervals longer than this are coarse; watts samples further apart are a gap. */
  maxGapMs: number;
  facility: Map<number, number>;
  it: Map<number, number>;
  gpu: Map<number, number>;
  /** What the GPU energy rests on; null when not computed (withGpu false). */
  gpuCoverage: GpuCoverage | null;
  meters: MeterEnergy[];
  gaps: MeterGap[];
  coarse: MeterCoarse[];
  resets: MeterReset[];
};

type MeterResult = { energy: MeterEnergy; buckets: Map<number, number>; gaps: TimeSpan[] };

function meterEnergy(
  meter: SiteMeter,
  readings: { atMs: number; value: number }[],
  fromMs: number,
  toMs: number,
  maxGapMs: number,
): MeterResult {
  const profile = meterProfile(meter.kind, readings, maxGapMs);
  const intervalMs = readingIntervalMs(readings);
  // Watts samples keep the gap rule; a register may be read hourly or daily, and is overdue only after two of its own intervals.
  const silentAfterMs = meter.kind === "register" ? registerSilentAfterMs(intervalMs, maxGapMs) : maxGapMs;
  const buckets = energyPerBucketKwh(profile.pieces, fromMs, toMs, PRICING_BUCKET_MS);
  const energy: MeterEnergy = {
    meter: meter.name,
    scope: meter.scope,
    kind: meter.kind,
    kwh: sumBuckets(buckets),
    profile,
    intervalMs,
    readFromMs: Math.max(fromMs, profile.firstMs!),
    readThroughMs: Math.min(toMs, profile.lastMs!),
    isSilent: isSilentAt(profile, toMs, silentAfterMs),
  };
  return { energy, buckets, gaps: meterGaps(profile, fromMs, toMs, silentAfterMs) };
}

/**
 * Energy of every meter of the site and of its GPUs over [fromMs, toMs).
 * Meters whose first reading is at or after `toMs` did not exist yet and are
 * left out. Every register interval counts, however long (coarse ones are
 * listed); watts meters report the spans between samples further apart than
 * `maxGapMs` as gaps; any meter silent at the end for longer than it may be
 * reports that time as a gap.
 */
export async function computeSiteEnergy(
  site: EnergySite,
  fromMs: number,
  toMs: number,
  maxGapMs: number,
  nowMs: number,
  opts = { withGpu: true },
): Promise<SiteEnergy> {
  const { gpu, gpuCoverage } = opts.withGpu
    ? await gpuEnergy(site, fromMs, toMs, nowMs)
    : { gpu: new Map<number, number>(), gpuCoverage: null };
  const out: SiteEnergy = {
    fromMs,
    toMs,
    maxGapMs,
    facility: new Map(),
    it: new Map(),
    gpu,
    gpuCoverage,
    meters: [],
    gaps: [],
    coarse: [],
    resets: [],
  };
  for (const meter of await listSiteMeters(site.id)) {
    const readings = await readMeterReadings(meter.id, fromMs, toMs);
    if (readings.length === 0 || readings[0]!.atMs >= toMs) continue;
    const { energy, buckets, gaps } = meterEnergy(meter, readings, fromMs, toMs, maxGapMs);
    addBuckets(out[meter.scope], buckets);
    out.meters.push(energy);
    const ref = { meter: meter.name, scope: meter.scope };
    for (const gap of gaps) out.gaps.push({ meter: meter.name, ...gap });
    for (const run of coarseRuns(energy.profile.coarse, fromMs, toMs)) out.coarse.push({ ...ref, ...run });
    for (const reset of energy.profile.resets.filter((r) => overlaps(r, fromMs, toMs)))
      out.resets.push({ ...ref, ...reset });
  }
  const byTime = (a: TimeSpan & { meter: string }, b: TimeSpan & { meter: string }) =>
    a.fromMs - b.fromMs || a.meter.localeCompare(b.meter);
  out.gaps.sort(byTime);
  out.coarse.sort(byTime);
  out.resets.sort(byTime);
  return out;
}

async function gpuEnergy(
  site: EnergySite,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<{ gpu: Map<number, number>; gpuCoverage: GpuCoverage }> {
  // Rollups, never raw samples: a site has hundreds of GPUs, and a day of raw samples is millions of rows.
  const source = await chooseRollup(fromMs, toMs, nowMs, SITE_FINE_MAX_SPAN_MS);
  const [points, gpuCoverage] = await Promise.all([
    readSiteGpuPower(site.id, source, fromMs, toMs),
    readSiteGpuCoverage(site.id, source, fromMs, toMs),
  ]);
  // Missing buckets add nothing (GPUs that sent nothing); how much was covered is reported beside the energy.
  const profile = rollupProfile(points, rollupWidthMs[source], Infinity);
  return { gpu: energyPerBucketKwh(profile.pieces, fromMs, toMs, PRICING_BUCKET_MS), gpuCoverage };
}

/** Which energy the bill is computed from: the utility feed when metered, else the IT load, else the GPUs. */
export function costBasisOf(energy: SiteEnergy): "facility" | "it" | "gpu" {
  if (energy.meters.some((m) => m.scope === "facility")) return "facility";
  if (energy.meters.some((m) => m.scope === "it")) return "it";
  return "gpu";
}

/**
 * PUE of the site over [fromMs, toMs) inside the computed period (the whole
 * period, a day of the CSV, an hour of the trend). A meter silent through the
 * whole period (overdue, no reading in it) takes no part: its energy there is
 * a reported gap, and it would otherwise keep every later period without PUE.
 */
export function sitePueOver(energy: SiteEnergy, fromMs = energy.fromMs, toMs = energy.toMs): PueResult {
  const meters = energy.meters.map((m) => ({
    scope: m.scope,
    profile: m.profile,
    takesPart: !m.isSilent || m.profile.lastMs! > energy.fromMs,
  }));
  return pueOver(meters, fromMs, toMs, energy.maxGapMs);
}
