import type { EnergyMeterKind, EnergyScope } from "../generated/prisma/enums";
import { chooseRollup, readSiteGpuPower, rollupWidthMs, SITE_FINE_MAX_SPAN_MS } from "./gpu-power";
import { listSiteMeters, meterProfile, readMeterReadings } from "./meter-readings";
import { addBuckets, energyPerBucketKwh, reportableGaps, sumBuckets, type TimeSpan } from "./power-profile";
import { PRICING_BUCKET_MS } from "./pricing";
import { rollupProfile } from "./profiles";
import type { EnergySite } from "./site-context";

export type MeterEnergy = { meter: string; scope: EnergyScope; kind: EnergyMeterKind; kwh: number };
export type MeterGap = TimeSpan & { meter: string };

/** A site's energy over [fromMs, toMs) per scope, as quarter-hour buckets ready for pricing. */
export type SiteEnergy = {
  facility: Map<number, number>;
  it: Map<number, number>;
  gpu: Map<number, number>;
  meters: MeterEnergy[];
  gaps: MeterGap[];
};

/**
 * Energy of every meter of the site and of its GPUs over [fromMs, toMs).
 * Meters whose first reading is at or after `toMs` did not exist yet and are
 * left out; every other meter reports the spans it has no data for as gaps.
 */
export async function computeSiteEnergy(
  site: EnergySite, fromMs: number, toMs: number, maxGapMs: number, nowMs: number, opts = { withGpu: true },
): Promise<SiteEnergy> {
  const gpu = opts.withGpu ? await gpuBuckets(site, fromMs, toMs, nowMs) : new Map<number, number>();
  const out: SiteEnergy = { facility: new Map(), it: new Map(), gpu, meters: [], gaps: [] };
  for (const meter of await listSiteMeters(site.id)) {
    const readings = await readMeterReadings(meter.id, fromMs, toMs);
    if (readings.length === 0 || readings[0]!.atMs >= toMs) continue;
    const profile = meterProfile(meter.kind, readings, maxGapMs);
    const buckets = energyPerBucketKwh(profile.pieces, fromMs, toMs, PRICING_BUCKET_MS);
    addBuckets(out[meter.scope], buckets);
    out.meters.push({ meter: meter.name, scope: meter.scope, kind: meter.kind, kwh: sumBuckets(buckets) });
    for (const gap of reportableGaps(profile, fromMs, toMs, maxGapMs)) out.gaps.push({ meter: meter.name, ...gap });
  }
  out.gaps.sort((a, b) => a.fromMs - b.fromMs || a.meter.localeCompare(b.meter));
  return out;
}

async function gpuBuckets(site: EnergySite, fromMs: number, toMs: number, nowMs: number): Promise<Map<number, number>> {
  // Rollups, never raw samples: a site has hundreds of GPUs, and a day of raw samples is millions of rows.
  const source = await chooseRollup(fromMs, toMs, nowMs, SITE_FINE_MAX_SPAN_MS);
  const points = await readSiteGpuPower(site.id, source, fromMs, toMs);
  // Missing buckets add nothing (GPUs that sent nothing); the site's GPU gaps are not reported.
  const profile = rollupProfile(points, rollupWidthMs[source], Infinity);
  return energyPerBucketKwh(profile.pieces, fromMs, toMs, PRICING_BUCKET_MS);
}

/** Which energy the bill is computed from: the utility feed when metered, else the IT load, else the GPUs. */
export function costBasisOf(energy: SiteEnergy): "facility" | "it" | "gpu" {
  if (energy.meters.some((m) => m.scope === "facility")) return "facility";
  if (energy.meters.some((m) => m.scope === "it")) return "it";
  return "gpu";
}

/** Facility ÷ IT energy; null when either is zero (no PUE without both meters). */
export function pueOf(facilityKwh: number, itKwh: number): number | null {
  return facilityKwh > 0 && itKwh > 0 ? facilityKwh / itKwh : null;
}
