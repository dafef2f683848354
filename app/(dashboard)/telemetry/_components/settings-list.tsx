import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { asLocale } from "@/lib/i18n/locales";
import type { TelemetrySettings } from "@/lib/telemetry/settings";
import { verbatim } from "@/components/ui/verbatim";
import { numericSettings, prometheusUrlHelpValues, switchSettings } from "./settings-fields";

/** The settings, read-only (viewers). */
export function SettingsList({ settings }: { settings: TelemetrySettings }) {
  const t = useTranslations("telemetry.settings");
  const locale = asLocale(useLocale());
  return (
    <dl className="divide-y divide-slate-800/70 text-[13px]" data-testid="settings-list">
      {numericSettings.map((s) => (
        <div key={s.key} className="flex items-baseline justify-between gap-4 py-2">
          <dt>
            <span className="text-slate-200">{t(`fields.${s.key}.label`)}</span>
            <span className="block text-[11px] text-slate-500">{t(`fields.${s.key}.help`)}</span>
          </dt>
          <dd className="whitespace-nowrap font-mono tabular-nums text-slate-100">
            {formatNumber(settings[s.key], locale, 3)} <span className="text-slate-500">{t(`units.${s.unit}`)}</span>
          </dd>
        </div>
      ))}
      {switchSettings.map((s) => (
        <div key={s.key} className="flex items-baseline justify-between gap-4 py-2">
          <dt>
            <span className="text-slate-200">{t(`fields.${s.key}.label`)}</span>
            <span className="block text-[11px] text-slate-500">{t(`fields.${s.key}.help`)}</span>
          </dt>
          <dd className="font-mono text-slate-100">{settings[s.key] ? t("on") : t("off")}</dd>
        </div>
      ))}
      <div className="flex items-baseline justify-between gap-4 py-2">
        <dt>
          <span className="text-slate-200">{t("fields.prometheusUrl.label")}</span>
          <span className="block text-[11px] text-slate-500">
            {t.rich("fields.prometheusUrl.help", { ...prometheusUrlHelpValues, code: verbatim })}
          </span>
        </dt>
        <dd className="break-all font-mono text-slate-100">
          {settings.prometheusUrl ? <span translate="no">{settings.prometheusUrl}</span> : t("notSet")}
        </dd>
      </div>
    </dl>
  );
}
