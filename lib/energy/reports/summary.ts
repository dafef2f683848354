import { stringify } from "csv-stringify/sync";
import { countCut, overlaps } from "../profiles/coarse";
import { localCalendar, localDays } from "../pricing/local-time";
import { sumBuckets } from "../profiles/power-profile";
import { kwhByLocalDate, priceBuckets, type PricedEnergy } from "../pricing/pricing";
import type { SummaryQuery } from "../schemas";
import type { SummaryOut } from "./summary-schemas";
import { computeSiteEnergy, costBasisOf, sitePueOver, type MeterEnergy, type SiteEnergy } from "./site-energy";
import { getEnergySiteOrThrow, loadPricingContext, type EnergySite } from "../pricing/site-context";
import { MS_PER_DAY, MS_PER_MINUTE, roundKg, roundKwh, roundMoney, roundTo } from "../units";

/** `from`/`to` of a query as ms; `to` defaults to now and `from` to 24 hours before it. */
export function resolveRange(q: { from?: string; to?: string }, now: Date): { fromMs: number; toMs: number } {
  const toMs = q.to ? Date.parse(q.to) : now.getTime();
  return { fromMs: q.from ? Date.parse(q.from) : toMs - MS_PER_DAY, toMs };
}

type Computed = {
  site: EnergySite;
  fromMs: number;
  toMs: number;
  energy: SiteEnergy;
  basis: ReturnType<typeof costBasisOf>;
  priced: ReturnType<typeof priceBuckets>;
};

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
const isoOf = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : isoOf(ms));
const spanIso = (s: { fromMs: number; toMs: number }) => ({ from: isoOf(s.fromMs), to: isoOf(s.toMs) });

function meterOut(m: MeterEnergy): SummaryOut["meters"][number] {
  return {
    meter: m.meter,
    scope: m.scope,
    kind: m.kind,
    kwh: roundKwh(m.kwh),
    readFrom: isoOf(m.readFromMs),
    readThrough: isoOf(m.readThroughMs),
    intervalMinutes: m.intervalMs === null ? null : roundTo(m.intervalMs / MS_PER_MINUTE, 2),
  };
}

function readingNotes(energy: SiteEnergy): Pick<SummaryOut, "gaps" | "coarse" | "resets"> {
  return {
    gaps: energy.gaps.map((g) => ({ meter: g.meter, ...spanIso(g) })),
    coarse: energy.coarse.map((c) => ({
      meter: c.meter,
      scope: c.scope,
      ...spanIso(c),
      intervals: c.intervals,
      intervalMinutes: roundTo(c.longestMs / MS_PER_MINUTE, 2),
      kwh: roundKwh(c.kwh),
      kwhInPeriod: roundKwh(c.kwhInPeriod),
      cut: c.cut,
    })),
    resets: energy.resets.map((r) => ({ meter: r.meter, scope: r.scope, ...spanIso(r), kwh: roundKwh(r.kwh) })),
  };
}

function gpuTelemetryOut(energy: SiteEnergy, fromMs: number, toMs: number): SummaryOut["gpuTelemetry"] {
  const c = energy.gpuCoverage ?? { gpus: 0, gpusReporting: 0, coveredGpuMs: 0, firstMs: null, lastMs: null };
  const possibleMs = c.gpus * (toMs - fromMs);
  return {
    gpus: c.gpus,
    gpusReporting: c.gpusReporting,
    coverage: possibleMs > 0 ? roundTo(Math.min(1, c.coveredGpuMs / possibleMs), 4) : 0,
    from: isoOrNull(c.firstMs),
    to: isoOrNull(c.lastMs),
  };
}

/**
 * A site's energy over [from, to): facility and IT meters, PUE, cost from the
 * site's tariff (time of use when set), CO2e from its intensity (hourly series
 * when uploaded), GPU energy from telemetry, and what a reader must know about
 * the readings: gaps, coarse intervals, resets, and how far each meter is read.
 */
export async function getEnergySummary(q: SummaryQuery, now = new Date()): Promise<SummaryOut> {
  const { site, fromMs, toMs, energy, basis, priced } = await compute(q, now);
  const pue = sitePueOver(energy);
  return {
    site: site.name,
    from: isoOf(fromMs),
    to: isoOf(toMs),
    itKwh: roundKwh(sumBuckets(energy.it)),
    facilityKwh: roundKwh(sumBuckets(energy.facility)),
    pue: roundPue(pue.pue),
    pueFrom: isoOrNull(pue.fromMs),
    pueTo: isoOrNull(pue.toMs),
    pueUnknownReason: pue.unknown,
    cost: roundOrNull(priced.total.cost, roundMoney),
    currency: site.currency,
    co2eKg: roundOrNull(priced.total.co2eKg, roundKg),
    costBasis: basis,
    gpuKwh: roundKwh(sumBuckets(energy.gpu)),
    gpuTelemetry: gpuTelemetryOut(energy, fromMs, toMs),
    meters: energy.meters.map(meterOut),
    ...readingNotes(energy),
  };
}

export const summaryCsvColumns = [
  "date",
  "from",
  "to",
  "itKwh",
  "facilityKwh",
  "pue",
  "gpuKwh",
  "cost",
  "currency",
  "co2eKg",
  "costBasis",
  "gaps",
  "coarseSplit",
  "resets",
] as const;

/**
 * The summary as CSV, one row per local date of the site (the first and last
 * rows cover only the part of the day inside the range). `gaps` counts the
 * meter gaps that overlap the row's span; `coarseSplit` the coarse register
 * intervals the row's edges cut (their energy is split evenly between this
 * row and the next, the previous, or outside the period: the row's kWh are
 * then an estimate); `resets` the register resets in the row. A row's PUE
 * follows the summary's rule over the row's span.
 */
export async function getEnergySummaryCsv(q: SummaryQuery, now = new Date()): Promise<string> {
  const { site, fromMs, toMs, energy, basis, priced } = await compute(q, now);
  const localAt = localCalendar(site.timezone);
  const [facility, it, gpu] = [energy.facility, energy.it, energy.gpu].map((b) =>
    kwhByLocalDate(b, site.timezone, localAt),
  ) as [Map<string, number>, Map<string, number>, Map<string, number>];
  const none: PricedEnergy = { kwh: 0, cost: 0, co2eKg: 0 };
  const coarse = energy.meters.flatMap((m) => m.profile.coarse);
  const rows = localDays(fromMs, toMs, localAt).map((day) => {
    const p = priced.days.get(day.date) ?? none;
    return [
      day.date,
      isoOf(day.fromMs),
      isoOf(day.toMs),
      roundKwh(it.get(day.date) ?? 0),
      roundKwh(facility.get(day.date) ?? 0),
      roundPue(sitePueOver(energy, day.fromMs, day.toMs).pue) ?? "",
      roundKwh(gpu.get(day.date) ?? 0),
      roundOrNull(p.cost, roundMoney) ?? "",
      site.currency,
      roundOrNull(p.co2eKg, roundKg) ?? "",
      basis,
      energy.gaps.filter((g) => overlaps(g, day.fromMs, day.toMs)).length,
      countCut(coarse, day.fromMs, day.toMs),
      energy.resets.filter((r) => overlaps(r, day.fromMs, day.toMs)).length,
    ];
  });
  // Cells a spreadsheet would run as formulas are written with a leading quote (OWASP CSV injection); numbers stay numbers.
  return stringify(rows, { header: true, columns: [...summaryCsvColumns], escape_formulas: true });
}

/** PUE of a site over [fromMs, toMs) for alert checks (the summary's rule); null when not known. */
export async function getSitePue(
  site: EnergySite,
  fromMs: number,
  toMs: number,
  now: Date,
  maxGapMs = 15 * MS_PER_MINUTE,
): Promise<number | null> {
  const energy = await computeSiteEnergy(site, fromMs, toMs, maxGapMs, now.getTime(), { withGpu: false });
  return sitePueOver(energy).pue;
}
