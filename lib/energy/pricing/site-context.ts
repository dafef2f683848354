import { z } from "zod";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { PricingContext } from "./pricing";
import { TariffPeriod } from "../schemas";
import { MS_PER_HOUR } from "../units";

/** What energy accounting needs of a site, Decimals already turned into numbers. */
export type EnergySite = {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  tariffPerKwh: number | null;
  carbonGPerKwh: number | null;
};

type SiteRow = {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  tariffPerKwh: { toNumber(): number } | null;
  carbonGPerKwh: { toNumber(): number } | null;
};

export function toEnergySite(s: SiteRow): EnergySite {
  return {
    id: s.id,
    name: s.name,
    currency: s.currency,
    timezone: s.timezone,
    tariffPerKwh: s.tariffPerKwh?.toNumber() ?? null,
    carbonGPerKwh: s.carbonGPerKwh?.toNumber() ?? null,
  };
}

export async function getEnergySiteOrThrow(name: string): Promise<EnergySite> {
  const site = await db.site.findUnique({ where: { name } });
  if (!site) throw new AppError("not_found", `Site ${name} does not exist`);
  return toEnergySite(site);
}

/** The site's time-of-use periods; [] when it has none (the flat tariff applies everywhere). */
export async function loadTariffPeriods(siteId: string): Promise<{ periods: TariffPeriod[]; updatedAt: Date | null }> {
  const row = await db.energyTariff.findUnique({ where: { siteId } });
  // Parsed again on the way out: the column is JSON, and a bad row must not price energy silently wrong.
  return { periods: row ? z.array(TariffPeriod).parse(row.periods) : [], updatedAt: row?.updatedAt ?? null };
}

/** Tariff and carbon intensity of a site for pricing energy in [fromMs, toMs). */
export async function loadPricingContext(site: EnergySite, fromMs: number, toMs: number): Promise<PricingContext> {
  const { periods } = await loadTariffPeriods(site.id);
  const hours = await db.carbonIntensity.findMany({
    where: {
      siteId: site.id,
      hour: { gte: new Date(Math.floor(fromMs / MS_PER_HOUR) * MS_PER_HOUR), lt: new Date(toMs) },
    },
  });
  return {
    timeZone: site.timezone,
    periods,
    flatPricePerKwh: site.tariffPerKwh,
    flatGCo2ePerKwh: site.carbonGPerKwh,
    hourlyGCo2ePerKwh: new Map(hours.map((h) => [h.hour.getTime(), h.gCo2ePerKwh])),
  };
}
