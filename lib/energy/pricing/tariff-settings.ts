import { db } from "../../db";
import { recordAudit } from "../../audit/events";
import type { Principal } from "../../auth/principal";
import type { PutTariffInput, TariffOut } from "../schemas";
import { getEnergySiteOrThrow, loadTariffPeriods, type EnergySite } from "./site-context";

function toTariffOut(site: EnergySite, periods: TariffOut["periods"], updatedAt: Date | null): TariffOut {
  return {
    site: site.name,
    timezone: site.timezone,
    currency: site.currency,
    flatPricePerKwh: site.tariffPerKwh,
    periods,
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

/** A site's time-of-use schedule; `periods` is [] when only the flat tariff applies. */
export async function getTariff(siteName: string): Promise<TariffOut> {
  const site = await getEnergySiteOrThrow(siteName);
  const { periods, updatedAt } = await loadTariffPeriods(site.id);
  return toTariffOut(site, periods, updatedAt);
}

/**
 * Replaces a site's time-of-use schedule (an empty list removes it). Periods
 * are wall-clock times in the site's time zone; the flat tariff stays the
 * site's tariffPerKwh (PATCH /api/v1/sites/{name}).
 */
export async function putTariff(siteName: string, input: PutTariffInput, actor: Principal): Promise<TariffOut> {
  const site = await getEnergySiteOrThrow(siteName);
  return db.$transaction(async (tx) => {
    const data = { periods: input.periods, updatedBy: actor.name };
    const row = await tx.energyTariff.upsert({
      where: { siteId: site.id },
      create: { siteId: site.id, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: "energy.tariff_update",
      target: `site:${site.name}`,
      details: { periods: input.periods },
    });
    return toTariffOut(site, input.periods, row.updatedAt);
  });
}
