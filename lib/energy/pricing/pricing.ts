import { localCalendar, type LocalTime } from "./local-time";
import type { TariffPeriod } from "../schemas";
import { tariffPriceAt } from "./tariff-periods";
import { co2eKgOf, MS_PER_HOUR, MS_PER_MINUTE } from "../units";

/**
 * Energy is priced per UTC quarter hour. Tariff edges are on local quarter
 * hours (the schema insists), every time zone in use is offset from UTC by a
 * multiple of 15 minutes and changes its offset on a quarter hour, so inside
 * one UTC quarter hour the price, the local date and the UTC hour of the
 * intensity series are all constant — also across a DST change.
 */
export const PRICING_BUCKET_MS = 15 * MS_PER_MINUTE;

export type PricingContext = {
  /** IANA zone the tariff's wall-clock periods and the per-day rows are in. */
  timeZone: string;
  periods: TariffPeriod[];
  /** Price outside every period, per kWh; null: unknown. */
  flatPricePerKwh: number | null;
  /** Intensity for hours the series does not cover, gCO2e/kWh; null: unknown. */
  flatGCo2ePerKwh: number | null;
  /** Uploaded intensity, gCO2e/kWh, by the start of its UTC hour (ms). */
  hourlyGCo2ePerKwh: Map<number, number>;
};

/** kWh with what it cost and emitted; null when some of the energy has no price (or no intensity). */
export type PricedEnergy = { kwh: number; cost: number | null; co2eKg: number | null };

export function intensityAt(utcMs: number, ctx: PricingContext): number | null {
  return ctx.hourlyGCo2ePerKwh.get(Math.floor(utcMs / MS_PER_HOUR) * MS_PER_HOUR) ?? ctx.flatGCo2ePerKwh;
}

type Tally = { kwh: number; cost: number; co2eKg: number; isCostUnknown: boolean; isCo2Unknown: boolean };
const emptyTally = (): Tally => ({ kwh: 0, cost: 0, co2eKg: 0, isCostUnknown: false, isCo2Unknown: false });

function add(t: Tally, kwh: number, price: number | null, intensity: number | null): void {
  t.kwh += kwh;
  if (price === null) t.isCostUnknown = true;
  else t.cost += kwh * price;
  if (intensity === null) t.isCo2Unknown = true;
  else t.co2eKg += co2eKgOf(kwh, intensity);
}

const toPriced = (t: Tally): PricedEnergy => ({
  kwh: t.kwh,
  cost: t.isCostUnknown ? null : t.cost,
  co2eKg: t.isCo2Unknown ? null : t.co2eKg,
});

/**
 * Prices energy given per quarter-hour bucket (see `energyPerBucketKwh` with
 * PRICING_BUCKET_MS): the total, and per local date of the site.
 */
export function priceBuckets(
  buckets: Map<number, number>,
  ctx: PricingContext,
): { total: PricedEnergy; days: Map<string, PricedEnergy> } {
  const localAt = localCalendar(ctx.timeZone);
  const total = emptyTally();
  const days = new Map<string, Tally>();
  for (const [bucketMs, kwh] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const local = localAt(bucketMs);
    const price = tariffPriceAt(local, ctx.periods, ctx.flatPricePerKwh);
    const intensity = intensityAt(bucketMs, ctx);
    add(total, kwh, price, intensity);
    let day = days.get(local.date);
    if (!day) days.set(local.date, (day = emptyTally()));
    add(day, kwh, price, intensity);
  }
  return { total: toPriced(total), days: new Map([...days].map(([d, t]) => [d, toPriced(t)])) };
}

/** kWh per local date of the site, from quarter-hour buckets. */
export function kwhByLocalDate(
  buckets: Map<number, number>,
  timeZone: string,
  localAt: (ms: number) => LocalTime = localCalendar(timeZone),
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [bucketMs, kwh] of buckets) {
    const date = localAt(bucketMs).date;
    out.set(date, (out.get(date) ?? 0) + kwh);
  }
  return out;
}
