import { stringify } from "csv-stringify/sync";
import { localCalendar, localDays } from "./local-time";
import { sumBuckets } from "./power-profile";
import { kwhByLocalDate, priceBuckets, type PricedEnergy } from "./pricing";
import type { SummaryOut, SummaryQuery } from "./schemas";
import { computeSiteEnergy, costBasisOf, pueOf, type SiteEnergy } from "./site-energy";
import { getEnergySiteOrThrow, loadPricingContext, type EnergySite } from "./site-context";
import { MS_PER_DAY, MS_PER_MINUTE, roundKg, roundKwh, roundMoney, roundTo } from "./units";

/** `from`/`to` of a query as ms; `to` defaults to now and `from` to 24 hours before it. */
export function resolveRange(q: { from?: string; to?: string }, now: Date): { fromMs: number; toMs: number } {
  const toMs = q.to ? Date.parse(q.to) : now.getTime();
  return { fromMs: q.from ? Date.parse(q.from) : toMs - MS_PER_DAY, toMs };
}

type Computed = { site: EnergySite; fromMs: number; toMs: number; energy: SiteEnergy; basis: ReturnType<typeof costBasisOf>; priced: ReturnType<typeof priceBuckets> };

async function compute(q: SummaryQuery, now: Date): Promise<Computed> {
  const site = await getEnergySiteOrThrow(q.site);
  const { fromMs, toMs } = resolveRange(q, now);
  const energy = await computeSiteEnergy(site, fromMs, toMs, q.maxGapMinutes * MS_PER_MINUTE, now.getTime());
  const basis = costBasisOf(energy);
  const priced = priceBuckets(energy[basis], await loadPricingContext(site, fromMs, toMs));
  return { site, fromMs, toMs, energy, basis, priced };
}

const roundOrNull = (v: number | null, round: (x: number) => number) => (v === null ? null : round(v));
const roundPue = (pue: number | null) => roundOrNull(pue, (x) => roundTo(x, 4));

/**
 * A site's energy over [from, to): facility and IT meters, PUE, cost from the
 * site's tariff (time of use when set), CO2e from its intensity (hourly series
 * when uploaded), GPU energy from telemetry, and every meter gap.
 */
export async function getEnergySummary(q: SummaryQuery, now = new Date()): Promise<SummaryOut> {
  const { site, fromMs, toMs, energy, basis, priced } = await compute(q, now);
  const facilityKwh = sumBuckets(energy.facility);
  const itKwh = sumBuckets(energy.it);
  return {
    site: site.name,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    itKwh: roundKwh(itKwh),
    facilityKwh: roundKwh(facilityKwh),
    pue: roundPue(pueOf(facilityKwh, itKwh)),
    cost: roundOrNull(priced.total.cost, roundMoney),
    currency: site.currency,
    co2eKg: roundOrNull(priced.total.co2eKg, roundKg),
    costBasis: basis,
    gpuKwh: roundKwh(sumBuckets(energy.gpu)),
    meters: energy.meters.map((m) => ({ ...m, kwh: roundKwh(m.kwh) })),
    gaps: energy.gaps.map((g) => ({ meter: g.meter, from: new Date(g.fromMs).toISOString(), to: new Date(g.toMs).toISOString() })),
  };
}

export const summaryCsvColumns = ["date", "from", "to", "itKwh", "facilityKwh", "pue", "gpuKwh", "cost", "currency", "co2eKg", "costBasis", "gaps"] as const;

/**
 * The summary as CSV, one row per local date of the site (the first and last
 * rows cover only the part of the day inside the range). `gaps` counts the
 * meter gaps that overlap the row's span.
 */
export async function getEnergySummaryCsv(q: SummaryQuery, now = new Date()): Promise<string> {
  const { site, fromMs, toMs, energy, basis, priced } = await compute(q, now);
  const localAt = localCalendar(site.timezone);
  const [facility, it, gpu] = [energy.facility, energy.it, energy.gpu].map((b) => kwhByLocalDate(b, site.timezone, localAt)) as [Map<string, number>, Map<string, number>, Map<string, number>];
  const none: PricedEnergy = { kwh: 0, cost: 0, co2eKg: 0 };
  const rows = localDays(fromMs, toMs, localAt).map((day) => {
    const [f, i] = [facility.get(day.date) ?? 0, it.get(day.date) ?? 0];
    const p = priced.days.get(day.date) ?? none;
    return [
      day.date, new Date(day.fromMs).toISOString(), new Date(day.toMs).toISOString(),
      roundKwh(i), roundKwh(f), roundPue(pueOf(f, i)) ?? "", roundKwh(gpu.get(day.date) ?? 0),
      roundOrNull(p.cost, roundMoney) ?? "", site.currency, roundOrNull(p.co2eKg, roundKg) ?? "", basis,
      energy.gaps.filter((g) => g.fromMs < day.toMs && g.toMs > day.fromMs).length,
    ];
  });
  return stringify(rows, { header: true, columns: [...summaryCsvColumns] });
}

/** PUE of a site over [fromMs, toMs) for alert checks; null when not metered for both scopes. */
export async function getSitePue(site: EnergySite, fromMs: number, toMs: number, now: Date, maxGapMs = 15 * MS_PER_MINUTE): Promise<number | null> {
  const energy = await computeSiteEnergy(site, fromMs, toMs, maxGapMs, now.getTime(), { withGpu: false });
  return pueOf(sumBuckets(energy.facility), sumBuckets(energy.it));
}
