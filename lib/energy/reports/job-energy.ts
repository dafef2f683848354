import { db } from "../../db";
import { AppError } from "../../errors";
import { listJobAllocations, type JobAllocation } from "../../jobs/placement/allocations";
import {
  asPowerPoints,
  chooseGpuSource,
  gpuFieldIds,
  readGpuRollup,
  readGpuSamples,
  rollupWidthMs,
} from "../profiles/gpu-power";
import { overlaps } from "../profiles/coarse";
import {
  EMPTY_PROFILE,
  energyPerBucketKwh,
  reportableGaps,
  sumBuckets,
  type PowerProfile,
} from "../profiles/power-profile";
import { priceBuckets, PRICING_BUCKET_MS, type PricingContext } from "../pricing/pricing";
import { counterProfile, powerSamplesProfile, rollupProfile } from "../profiles/profiles";
import type { JobEnergyOut } from "../schemas";
import { loadPricingContext, toEnergySite, type EnergySite } from "../pricing/site-context";
import { millijoulesToKwh, MS_PER_HOUR, MS_PER_MINUTE, roundKg, roundKwh, roundMoney } from "../units";

type Method = JobEnergyOut["gpus"][number]["method"];

// dcgm-exporter is scraped every 10–60 s; five minutes without a sample means
// the exporter or the node was down, and that time is a gap, not a slope.
const RAW_MAX_GAP_MS = 5 * MS_PER_MINUTE;
const ROLLUP_MAX_GAP_MS = { "1m": 5 * MS_PER_MINUTE, "1h": 2 * MS_PER_HOUR } as const;

/**
 * One GPU's power profile over [fromMs, toMs). Within raw retention and for
 * spans up to a few hours: the energy counter when its samples reach both
 * ends of the span (the GPU integrates far faster than any scrape; a counter
 * difference is energy used, so samples further apart count too, as coarse
 * intervals), else trapezoids over power samples; longer or older spans:
 * rollup means.
 */
async function gpuProfile(
  gpuId: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<{ profile: PowerProfile; method: Method; maxGapMs: number }> {
  const fields = await gpuFieldIds();
  const source = await chooseGpuSource(fromMs, toMs, nowMs);
  if (source !== "raw") {
    const maxGapMs = ROLLUP_MAX_GAP_MS[source];
    const points = fields.power === null ? [] : await readGpuRollup(gpuId, fields.power, source, fromMs, toMs);
    return {
      profile: rollupProfile(points, rollupWidthMs[source], maxGapMs),
      method: source === "1m" ? "rollup_1m" : "rollup_1h",
      maxGapMs,
    };
  }
  const [padFrom, padTo] = [fromMs - RAW_MAX_GAP_MS, toMs + RAW_MAX_GAP_MS];
  if (fields.energy !== null) {
    const counter = counterProfile(
      await readGpuSamples(gpuId, fields.energy, padFrom, padTo),
      RAW_MAX_GAP_MS,
      millijoulesToKwh,
    );
    if (counter.pieces.length && reportableGaps(counter, fromMs, toMs, RAW_MAX_GAP_MS).length === 0)
      return { profile: counter, method: "counter", maxGapMs: RAW_MAX_GAP_MS };
  }
  const samples = fields.power === null ? [] : await readGpuSamples(gpuId, fields.power, padFrom, padTo);
  return {
    profile: samples.length ? powerSamplesProfile(asPowerPoints(samples), RAW_MAX_GAP_MS) : EMPTY_PROFILE,
    method: "power",
    maxGapMs: RAW_MAX_GAP_MS,
  };
}

async function sitesById(ids: string[]): Promise<Map<string, EnergySite>> {
  const rows = await db.site.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((s) => [s.id, toEnergySite(s)]));
}

type Tally = { kwh: number; cost: number | null; co2eKg: number | null; currencies: Set<string> };

function addPriced(
  t: Tally,
  p: { kwh: number; cost: number | null; co2eKg: number | null },
  currency: string | null,
): void {
  t.kwh += p.kwh;
  if (currency) t.currencies.add(currency);
  t.cost = t.cost === null || p.cost === null || currency === null ? null : t.cost + p.cost;
  t.co2eKg = t.co2eKg === null || p.co2eKg === null ? null : t.co2eKg + p.co2eKg;
}

type Span = { fromMs: number; toMs: number };
type Priced = { kwh: number; cost: number | null; co2eKg: number | null };

/** One allocation's energy, priced at its GPU's site, and its line in the answer. */
async function allocationEnergy(
  a: JobAllocation,
  { fromMs, toMs }: Span,
  site: EnergySite | undefined,
  ctx: PricingContext | undefined,
  nowMs: number,
) {
  const { profile, method, maxGapMs } =
    toMs > fromMs
      ? await gpuProfile(a.gpuId, fromMs, toMs, nowMs)
      : { profile: EMPTY_PROFILE, method: "power" as const, maxGapMs: RAW_MAX_GAP_MS };
  const buckets = energyPerBucketKwh(profile.pieces, fromMs, toMs, PRICING_BUCKET_MS);
  const priced: Priced = ctx
    ? priceBuckets(buckets, ctx).total
    : { kwh: sumBuckets(buckets), cost: null, co2eKg: null };
  const line: JobEnergyOut["gpus"][number] = {
    uuid: a.uuid ?? a.gpuId,
    hostname: a.hostname,
    site: site?.name ?? null,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    kwh: roundKwh(priced.kwh),
    method,
    gaps:
      toMs > fromMs
        ? reportableGaps(profile, fromMs, toMs, maxGapMs).map((g) => ({
            from: new Date(g.fromMs).toISOString(),
            to: new Date(g.toMs).toISOString(),
          }))
        : [],
    coarse: profile.coarse
      .filter((c) => overlaps(c, fromMs, toMs))
      .map((c) => ({
        from: new Date(c.fromMs).toISOString(),
        to: new Date(c.toMs).toISOString(),
        kwh: roundKwh(c.kwh),
      })),
  };
  return { priced, line };
}

/**
 * Energy of a job: of each GPU it held, while it held it (allocations still
 * open count until `now`), from GPU power telemetry; priced with each GPU's
 * site tariff and carbon intensity. Cost is null when the GPUs' sites bill in
 * different currencies. 404 when the job never held a GPU.
 */
export async function energyOfJob(jobId: string, now = new Date()): Promise<JobEnergyOut> {
  const allocations = await listJobAllocations(jobId);
  if (allocations.length === 0) throw new AppError("not_found", `Job ${jobId} has no GPU allocations`);
  const nowMs = now.getTime();
  const spans = allocations.map((a) => ({
    fromMs: a.startedAt.getTime(),
    toMs: Math.min(a.endedAt?.getTime() ?? nowMs, nowMs),
  }));
  const fromMs = Math.min(...spans.map((s) => s.fromMs));
  const toMs = Math.max(...spans.map((s) => s.toMs));
  const sites = await sitesById([...new Set(allocations.flatMap((a) => (a.siteId ? [a.siteId] : [])))]);
  const contexts = new Map<string, PricingContext>();
  for (const site of sites.values()) contexts.set(site.id, await loadPricingContext(site, fromMs, toMs));
  const total: Tally = { kwh: 0, cost: 0, co2eKg: 0, currencies: new Set() };
  const gpus: JobEnergyOut["gpus"] = [];
  for (const [i, a] of allocations.entries()) {
    const site = a.siteId ? sites.get(a.siteId) : undefined;
    const { priced, line } = await allocationEnergy(a, spans[i]!, site, site && contexts.get(site.id), nowMs);
    addPriced(total, priced, site?.currency ?? null);
    gpus.push(line);
  }
  const currency = total.currencies.size === 1 ? [...total.currencies][0]! : null;
  return {
    jobId,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    kwh: roundKwh(total.kwh),
    cost: currency && total.cost !== null ? roundMoney(total.cost) : null,
    currency,
    co2eKg: total.co2eKg === null ? null : roundKg(total.co2eKg),
    gpus,
  };
}
