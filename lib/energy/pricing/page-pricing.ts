import type { TariffPeriod } from "../schemas";
import { getEnergySiteOrThrow, loadPricingContext, loadTariffPeriods } from "./site-context";
import { MS_PER_HOUR } from "../units";

/** What a site's cost and CO2e over a period were computed from, for saying so next to the totals. */
export type SitePricing = {
  site: string;
  timezone: string;
  currency: string;
  /** The price outside every time-of-use period, per kWh; null: unknown. */
  flatPricePerKwh: number | null;
  periods: TariffPeriod[];
  tariffUpdatedAt: string | null;
  /** gCO2e/kWh for hours without an uploaded figure; null: unknown. */
  flatGCo2ePerKwh: number | null;
  /** Hours of the period with an uploaded intensity, and hours the period touches. */
  hourlyIntensityHours: number;
  periodHours: number;
};

/** The tariff and carbon intensity `getEnergySummary` prices a site's energy with over [fromMs, toMs). */
export async function getSitePricing(siteName: string, fromMs: number, toMs: number): Promise<SitePricing> {
  const site = await getEnergySiteOrThrow(siteName);
  const [ctx, tariff] = await Promise.all([loadPricingContext(site, fromMs, toMs), loadTariffPeriods(site.id)]);
  return {
    site: site.name,
    timezone: site.timezone,
    currency: site.currency,
    flatPricePerKwh: ctx.flatPricePerKwh,
    periods: ctx.periods,
    tariffUpdatedAt: tariff.updatedAt?.toISOString() ?? null,
    flatGCo2ePerKwh: ctx.flatGCo2ePerKwh,
    hourlyIntensityHours: ctx.hourlyGCo2ePerKwh.size,
    periodHours: Math.ceil(toMs / MS_PER_HOUR) - Math.floor(fromMs / MS_PER_HOUR),
  };
}
