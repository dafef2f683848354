import { useLocale, useTranslations } from "next-intl";
import { RunEnergy } from "@/components/ui/run-energy";
import { UtcTime } from "@/components/ui/utc-time";
import { formatShare } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { ModelVersionOut } from "@/lib/models/outputs";

/** The run's energy, CO₂e and cost, how much of the GPUs' time telemetry covered, and why a figure is missing. */
export function RunEnergyFacts({ energy }: { energy: ModelVersionOut["energy"] }) {
  const t = useTranslations("models.version.energy");
  const locale = asLocale(useLocale());
  return (
    <div className="space-y-2 text-[13px]">
      <div className="text-base text-slate-100">
        <RunEnergy energy={energy} />
      </div>
      <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-400">{t("coverage")}</dt>
        <dd className="text-slate-200" data-testid="energy-coverage">
          {energy.coverage === null
            ? t("noGpuTime")
            : t("coverageShare", { share: formatShare(energy.coverage, locale, 0) })}
        </dd>
        <dt className="text-slate-400">{t("over")}</dt>
        <dd className="text-slate-200">
          {energy.from && energy.to ? (
            <>
              <UtcTime iso={energy.from} /> → <UtcTime iso={energy.to} />
            </>
          ) : (
            <span className="text-slate-500">—</span>
          )}
        </dd>
        <dt className="text-slate-400">{t("computed")}</dt>
        <dd className="text-slate-200">
          <UtcTime iso={energy.computedAt} />
        </dd>
      </dl>
    </div>
  );
}
