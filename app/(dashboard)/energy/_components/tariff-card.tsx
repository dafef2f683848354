import { Card } from "@/components/ui/card";
import type { SitePricing } from "@/lib/energy/pricing/page-pricing";
import { formatPricePerKwh } from "./energy-format";
import { TariffForm } from "./tariff-form";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

function PeriodsList({ pricing }: { pricing: SitePricing }) {
  if (pricing.periods.length === 0)
    return <p className="text-[13px] text-slate-400">No time-of-use periods: the flat price applies at all times.</p>;
  return (
    <ul className="space-y-1 text-[13px]">
      {pricing.periods.map((p, i) => (
        <li key={i} className="flex flex-wrap gap-x-3 font-mono text-[12px] text-slate-300" data-testid="tariff-period">
          <span className="w-40 capitalize text-slate-400">{p.days.join(" ")}</span>
          <span>
            {p.from}–{p.to}
          </span>
          <span className="text-slate-100">{formatPricePerKwh(p.pricePerKwh, pricing.currency)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The site's prices and carbon intensity; operators edit the time-of-use periods here. */
export function TariffCard({ pricing, canWrite, role }: { pricing: SitePricing; canWrite: boolean; role: string }) {
  const flat =
    pricing.flatPricePerKwh === null
      ? "no flat price set"
      : `${formatPricePerKwh(pricing.flatPricePerKwh, pricing.currency)} flat`;
  const carbon =
    pricing.flatGCo2ePerKwh === null
      ? "no grid intensity set"
      : `${formatNumber(pricing.flatGCo2ePerKwh, untranslatedLocale, 3)} gCO₂e/kWh`;
  return (
    <Card
      title="Tariff and grid intensity"
      description={
        <>
          {flat} · {carbon} · periods are wall-clock times in {pricing.timezone}; the first period covering a time sets
          its price.
        </>
      }
    >
      <div className="space-y-3">
        {canWrite ? (
          <TariffForm site={pricing.site} currency={pricing.currency} periods={pricing.periods} />
        ) : (
          <PeriodsList pricing={pricing} />
        )}
        <p className="text-xs text-slate-500">
          {canWrite ? "" : `Changing the tariff needs the operator role; you are signed in as ${role}. `}
          The flat price is the site&apos;s <span className="font-mono text-slate-400">tariffPerKwh</span> (PATCH
          /api/v1/sites/{pricing.site}); hourly grid intensity can be uploaded with{" "}
          <span className="font-mono text-slate-400">POST /api/v1/energy/carbon-intensity</span>.
        </p>
      </div>
    </Card>
  );
}
