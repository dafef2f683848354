import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { SitePricing } from "@/lib/energy/pricing/page-pricing";
import { formatIntensity, formatPricePerKwh } from "./energy-format";
import { TariffForm } from "./tariff-form";
import { asLocale } from "@/lib/i18n/locales";

function PeriodsList({ pricing }: { pricing: SitePricing }) {
  const t = useTranslations("energy.tariff");
  const locale = asLocale(useLocale());
  if (pricing.periods.length === 0) return <p className="text-[13px] text-slate-400">{t("noPeriods")}</p>;
  return (
    <ul className="space-y-1 text-[13px]">
      {pricing.periods.map((p, i) => (
        <li key={i} className="flex flex-wrap gap-x-3 font-mono text-[12px] text-slate-300" data-testid="tariff-period">
          <span className="w-40 capitalize text-slate-400">{p.days.map((d) => t(`weekday.${d}`)).join(" ")}</span>
          <span>
            {p.from}–{p.to}
          </span>
          <span className="text-slate-100">{formatPricePerKwh(p.pricePerKwh, pricing.currency, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The site's prices and carbon intensity; operators edit the time-of-use periods here. */
export function TariffCard({ pricing, canWrite, role }: { pricing: SitePricing; canWrite: boolean; role: string }) {
  const t = useTranslations("energy.tariff");
  const tRoles = useTranslations("shell.roles");
  const locale = asLocale(useLocale());
  const flat =
    pricing.flatPricePerKwh === null
      ? t("noFlat")
      : t("flat", { price: formatPricePerKwh(pricing.flatPricePerKwh, pricing.currency, locale) });
  const carbon =
    pricing.flatGCo2ePerKwh === null ? t("noIntensity") : formatIntensity(pricing.flatGCo2ePerKwh, locale, "gCO₂e/kWh");
  return (
    <Card title={t("title")} description={t("description", { flat, carbon, timezone: pricing.timezone })}>
      <div className="space-y-3">
        {canWrite ? (
          <TariffForm site={pricing.site} currency={pricing.currency} periods={pricing.periods} />
        ) : (
          <PeriodsList pricing={pricing} />
        )}
        <p className="text-xs text-slate-500">
          {canWrite ? null : <>{t("needsOperator", { role: tRoles(role) })} </>}
          {t.rich("source", {
            field: "tariffPerKwh",
            patch: `PATCH /api/v1/sites/${pricing.site}`,
            post: "POST /api/v1/energy/carbon-intensity",
            code: (chunks) => (
              <span className="font-mono text-slate-400" translate="no">
                {chunks}
              </span>
            ),
          })}
        </p>
      </div>
    </Card>
  );
}
