import { useLocale, useTranslations } from "next-intl";
import { asLocale } from "@/lib/i18n/locales";
import { formatRunCo2e, formatRunCost, formatRunKwh } from "./model-figures";

export type RunEnergyFigures = {
  kwh: number | null;
  co2eKg: number | null;
  cost: number | null;
  currency: string | null;
  /** Why a figure is missing or partial; null when complete. */
  note: string | null;
};

/**
 * A run's energy, CO₂e and cost in one cell: each figure that is known, and
 * the reason beside any that is not or that is partial. Never a 0 standing in
 * for "not measured" (lib/models/run-energy.ts decides which is which). The
 * note is prose stored with the version's energy, marked as such.
 */
export function RunEnergy({ energy, isCompact = false }: { energy: RunEnergyFigures; isCompact?: boolean }) {
  const t = useTranslations("models");
  const locale = asLocale(useLocale());
  const known = [
    energy.kwh !== null ? formatRunKwh(energy.kwh, locale) : null,
    energy.co2eKg !== null ? formatRunCo2e(energy.co2eKg, locale) : null,
    energy.cost !== null ? formatRunCost(energy.cost, energy.currency, locale) : null,
  ].filter((x): x is string => x !== null);
  return (
    <span className="block" data-testid="run-energy" data-known={energy.kwh !== null || undefined}>
      {energy.kwh === null ? (
        <span className="text-slate-400">{t("notKnown")}</span>
      ) : (
        <span className="whitespace-nowrap tabular-nums">{known.join(" · ")}</span>
      )}
      {energy.note && (
        <span
          className={`block text-[11px] text-slate-500 ${isCompact ? "max-w-64 truncate" : ""}`}
          title={energy.note}
          data-testid="run-energy-note"
          data-stored-text
        >
          {energy.note}
        </span>
      )}
    </span>
  );
}
