import { localCalendar, localDays } from "../pricing/local-time";
import { kwhByLocalDate } from "../pricing/pricing";
import { computeSiteEnergy, sitePueOver, type SiteEnergy } from "./site-energy";
import { getEnergySiteOrThrow } from "../pricing/site-context";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, roundKwh, roundTo } from "../units";

/** hour: UTC hours; day: the site's local dates (the rows of the summary CSV). */
export type TrendStep = "hour" | "day";

/**
 * Energy of one step; the first and last steps cover only the part inside the
 * range. `date` is the site's local date the step starts on.
 */
export type EnergyTrendPoint = {
  from: string;
  to: string;
  date: string;
  facilityKwh: number;
  itKwh: number;
  gpuKwh: number;
  pue: number | null;
};

export type EnergyTrend = {
  site: string;
  timezone: string;
  from: string;
  to: string;
  step: TrendStep;
  points: EnergyTrendPoint[];
};

// Up to a week per hour (at most 168 steps); longer ranges per day, so a chart
// never gets more steps than it has pixels for bars.
const HOURLY_MAX_SPAN_MS = 7 * MS_PER_DAY;

export function trendStepFor(fromMs: number, toMs: number): TrendStep {
  return toMs - fromMs <= HOURLY_MAX_SPAN_MS ? "hour" : "day";
}

type Span = { fromMs: number; toMs: number };

function hourSpans(fromMs: number, toMs: number): Span[] {
  const spans: Span[] = [];
  for (let h = Math.floor(fromMs / MS_PER_HOUR) * MS_PER_HOUR; h < toMs; h += MS_PER_HOUR) {
    spans.push({ fromMs: Math.max(h, fromMs), toMs: Math.min(h + MS_PER_HOUR, toMs) });
  }
  return spans;
}

/** Quarter-hour buckets (keyed by start, ms) summed per UTC hour (keyed by the hour's start). */
function kwhByHour(buckets: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [bucketMs, kwh] of buckets) {
    const hour = Math.floor(bucketMs / MS_PER_HOUR) * MS_PER_HOUR;
    out.set(hour, (out.get(hour) ?? 0) + kwh);
  }
  return out;
}

function toPoint(
  energy: SiteEnergy,
  span: Span & { date: string },
  facility: number,
  it: number,
  gpu: number,
): EnergyTrendPoint {
  const { pue } = sitePueOver(energy, span.fromMs, span.toMs);
  return {
    from: new Date(span.fromMs).toISOString(),
    to: new Date(span.toMs).toISOString(),
    date: span.date,
    facilityKwh: roundKwh(facility),
    itKwh: roundKwh(it),
    gpuKwh: roundKwh(gpu),
    pue: pue === null ? null : roundTo(pue, 4),
  };
}

/**
 * A site's facility, IT and GPU energy and PUE over [fromMs, toMs), per UTC
 * hour or per local day of the site, from the same quarter-hour buckets as
 * `getEnergySummary`, so the steps add up to its totals (coarse register
 * intervals spread evenly across steps). A step's PUE follows the summary's
 * rule over the step: none without time both scopes were measured in it, so
 * a facility meter read daily gives no hourly PUE rather than one shaped by
 * the IT load alone.
 */
export async function getEnergyTrend(
  q: { site: string; fromMs: number; toMs: number; maxGapMinutes: number; step?: TrendStep },
  now = new Date(),
): Promise<EnergyTrend> {
  const site = await getEnergySiteOrThrow(q.site);
  const step = q.step ?? trendStepFor(q.fromMs, q.toMs);
  const energy = await computeSiteEnergy(site, q.fromMs, q.toMs, q.maxGapMinutes * MS_PER_MINUTE, now.getTime());
  const localAt = localCalendar(site.timezone);
  let points: EnergyTrendPoint[];
  if (step === "hour") {
    const [facility, it, gpu] = [energy.facility, energy.it, energy.gpu].map(kwhByHour) as [
      Map<number, number>,
      Map<number, number>,
      Map<number, number>,
    ];
    points = hourSpans(q.fromMs, q.toMs).map((span) => {
      const hour = Math.floor(span.fromMs / MS_PER_HOUR) * MS_PER_HOUR;
      return toPoint(
        energy,
        { ...span, date: localAt(span.fromMs).date },
        facility.get(hour) ?? 0,
        it.get(hour) ?? 0,
        gpu.get(hour) ?? 0,
      );
    });
  } else {
    const [facility, it, gpu] = [energy.facility, energy.it, energy.gpu].map((b) =>
      kwhByLocalDate(b, site.timezone, localAt),
    ) as [Map<string, number>, Map<string, number>, Map<string, number>];
    points = localDays(q.fromMs, q.toMs, localAt).map((day) =>
      toPoint(energy, day, facility.get(day.date) ?? 0, it.get(day.date) ?? 0, gpu.get(day.date) ?? 0),
    );
  }
  return {
    site: site.name,
    timezone: site.timezone,
    from: new Date(q.fromMs).toISOString(),
    to: new Date(q.toMs).toISOString(),
    step,
    points,
  };
}
