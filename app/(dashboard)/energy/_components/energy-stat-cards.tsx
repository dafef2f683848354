import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { SitePricing } from "@/lib/energy/pricing/page-pricing";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import {
  co2eQuantity,
  formatIntensity,
  formatPricePerKwh,
  formatPue,
  formatUtcMinute,
  kwhQuantity,
  moneyQuantity,
  type Quantity,
} from "./energy-format";
import { formatNumber, formatPct } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

type Tone = "normal" | "warn";

/**
 * A headline figure with its unit set smaller, so six fit in a row. The exact
 * value rides along in `data-value` (and the tooltip) for scripts and tests.
 */
function EnergyStat({
  label,
  quantity,
  exact,
  hint,
  tone = "normal",
  testId,
}: {
  label: string;
  quantity: Quantity | null;
  exact: number | null;
  hint: ReactNode;
  tone?: Tone;
  testId: string;
}) {
  return (
    <section
      className="flex flex-col rounded-lg border border-slate-800 bg-slate-900/50 p-4 shadow-sm shadow-black/20"
      data-testid={testId}
      data-value={exact ?? undefined}
    >
      <h2 className="text-xs font-medium uppercase tracking-wider text-slate-400">{label}</h2>
      <p
        className={`mt-1 font-mono text-2xl font-semibold tabular-nums ${tone === "warn" ? "text-amber-300" : "text-slate-50"}`}
        title={exact === null ? undefined : String(exact)}
      >
        {quantity ? (
          <>
            {quantity.value} <span className="text-sm font-medium text-slate-400">{quantity.unit}</span>
          </>
        ) : (
          <span className="text-slate-600">—</span>
        )}
      </p>
      <p className="mt-0.5 text-xs leading-4 text-slate-500">{hint}</p>
    </section>
  );
}

type Words = { t: Translate; locale: Locale };

function meterCount(summary: SummaryOut, scope: "facility" | "it"): number {
  return summary.meters.filter((m) => m.scope === scope).length;
}

/** The scope's energy is known up to its least recently read meter; null when all are read through the period's end. */
function readThrough(summary: SummaryOut, scope: "facility" | "it"): string | null {
  const ends = summary.meters
    .filter((m) => m.scope === scope)
    .map((m) => m.readThrough)
    .sort();
  return ends[0] && ends[0] < summary.to ? ends[0] : null;
}

/** Whether no meter of the scope has been read since the period began: its energy here is not known yet, not zero. */
function isUnreadYet(summary: SummaryOut, scope: "facility" | "it"): boolean {
  const own = summary.meters.filter((m) => m.scope === scope);
  return own.length > 0 && own.every((m) => m.readThrough <= summary.from);
}

function meteredHint(count: number, scope: "facility" | "it", { t }: Words): string {
  return count === 0 ? t(`noMeter.${scope}`) : t(`meters.${scope}`, { count });
}

function scopeStat(
  summary: SummaryOut,
  scope: "facility" | "it",
  words: Words,
): { quantity: Quantity | null; exact: number | null; hint: string } {
  const { t, locale } = words;
  const count = meterCount(summary, scope);
  const kwh = scope === "it" ? summary.itKwh : summary.facilityKwh;
  const through = readThrough(summary, scope);
  if (count === 0) return { quantity: null, exact: null, hint: meteredHint(0, scope, words) };
  if (isUnreadYet(summary, scope))
    return { quantity: null, exact: null, hint: t("notReadYet", { at: formatUtcMinute(through!) }) };
  const metered = meteredHint(count, scope, words);
  return {
    quantity: kwhQuantity(kwh, locale),
    exact: kwh,
    hint: through ? t("readThrough", { meters: metered, at: formatUtcMinute(through) }) : metered,
  };
}

/** `tEnergy` is the energy namespace, whose pueUnknown reasons the overview shares. */
function pueHint(summary: SummaryOut, pueTarget: number, isPueHigh: boolean, { t, locale }: Words, tEnergy: Translate) {
  if (summary.pue === null) return tEnergy(`pueUnknown.${summary.pueUnknownReason ?? "no_facility_meter"}`);
  const target = t(isPueHigh ? "pueAbove" : "pueWithin", { target: formatPue(pueTarget, locale) });
  const isWholePeriod = summary.pueFrom === summary.from && summary.pueTo === summary.to;
  return isWholePeriod
    ? t("pueWhole", { target })
    : t("puePartial", { from: formatUtcMinute(summary.pueFrom!), to: formatUtcMinute(summary.pueTo!), target });
}

function tariffText(p: SitePricing, { t, locale }: Words): string {
  const flat = p.flatPricePerKwh === null ? t("noFlatPrice") : formatPricePerKwh(p.flatPricePerKwh, p.currency, locale);
  if (p.periods.length === 0) return p.flatPricePerKwh === null ? flat : t("flat", { price: flat });
  return t("timeOfUse", { count: p.periods.length, flat });
}

function carbonText(p: SitePricing, { t, locale }: Words): string {
  const flat = p.flatGCo2ePerKwh === null ? null : formatIntensity(p.flatGCo2ePerKwh, locale);
  if (p.hourlyIntensityHours === 0) return flat ? t("flatIntensity", { intensity: flat }) : t("noIntensity");
  const hours = { hours: formatNumber(p.hourlyIntensityHours, locale), total: formatNumber(p.periodHours, locale) };
  return flat ? t("hourlyIntensityElse", { ...hours, flat }) : t("hourlyIntensity", hours);
}

/** "38.2 %": a coverage share for a person, never rounded up to a whole 100 % it is not. */
function formatCoverage(share: number, locale: Locale): string {
  return share >= 1
    ? formatPct(100, locale)
    : `${formatNumber(Math.min(99.9, Math.round(share * 1000) / 10), locale, 3)} %`;
}

/** What the GPU energy rests on: how many GPUs reported, for how much of the period. */
function gpuStat(
  summary: SummaryOut,
  { t, locale }: Words,
): { quantity: Quantity | null; exact: number | null; hint: string; tone: Tone } {
  const g = summary.gpuTelemetry;
  if (g.gpusReporting === 0)
    return { quantity: null, exact: null, hint: t("noGpuTelemetry", { count: g.gpus }), tone: "normal" };
  const isPartial = g.coverage < 0.95;
  const values = { reporting: g.gpusReporting, count: g.gpus, coverage: formatCoverage(g.coverage, locale) };
  const hint =
    isPartial && g.from
      ? t("gpuCoverageSince", { ...values, from: formatUtcMinute(g.from) })
      : t("gpuCoverage", values);
  return {
    quantity: kwhQuantity(summary.gpuKwh, locale),
    exact: summary.gpuKwh,
    hint,
    tone: isPartial ? "warn" : "normal",
  };
}

function CostHint({ summary, pricing, words }: { summary: SummaryOut; pricing: SitePricing; words: Words }) {
  const { t, locale } = words;
  const hasBasisEnergy = hasEnergyToPrice(summary);
  const basisThrough = summary.costBasis === "gpu" ? null : readThrough(summary, summary.costBasis);
  const extras = [
    summary.cost === null ? t("noPrice") : tariffText(pricing, words),
    hasBasisEnergy && basisThrough ? t("costReadThrough", { at: formatUtcMinute(basisThrough) }) : null,
    hasBasisEnergy && summary.costBasis === "gpu" && summary.gpuTelemetry.coverage < 0.95
      ? t("costGpuOnly", { coverage: formatCoverage(summary.gpuTelemetry.coverage, locale) })
      : null,
  ].filter((x) => x !== null);
  return (
    <>
      <span data-testid="energy-cost-basis" data-basis={summary.costBasis}>
        {t("costOn", { basis: t(`basis.${summary.costBasis}`) })}
      </span>{" "}
      · {extras.join(" · ")}
    </>
  );
}

/** No price for energy a meter has not reported yet: the cost is unknown, not 0. */
function hasEnergyToPrice(summary: SummaryOut): boolean {
  return summary.costBasis === "gpu" ? summary.gpuKwh > 0 : !isUnreadYet(summary, summary.costBasis);
}

/** The period's totals: energy by scope, PUE, cost and CO2e, each saying what it was computed from. */
export function EnergyStatCards({
  summary,
  pricing,
  pueTarget,
}: {
  summary: SummaryOut;
  pricing: SitePricing;
  pueTarget: number;
}) {
  const words: Words = { t: useTranslations("energy.stats"), locale: asLocale(useLocale()) };
  const tEnergy = useTranslations("energy");
  const { t, locale } = words;
  const [facility, it] = [scopeStat(summary, "facility", words), scopeStat(summary, "it", words)];
  const isPueHigh = summary.pue !== null && summary.pue > pueTarget;
  const hasBasisEnergy = hasEnergyToPrice(summary);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      <EnergyStat label={t("it")} testId="energy-it" {...it} />
      <EnergyStat label={t("facility")} testId="energy-facility" {...facility} />
      <EnergyStat
        label="PUE"
        testId="energy-pue"
        quantity={summary.pue === null ? null : { value: formatPue(summary.pue, locale), unit: "" }}
        exact={summary.pue}
        tone={isPueHigh ? "warn" : "normal"}
        hint={pueHint(summary, pueTarget, isPueHigh, words, tEnergy)}
      />
      <EnergyStat label={t("gpu")} testId="energy-gpu" {...gpuStat(summary, words)} />
      <EnergyStat
        label={t("cost")}
        testId="energy-cost"
        quantity={
          summary.cost === null || !hasBasisEnergy ? null : moneyQuantity(summary.cost, summary.currency, locale)
        }
        exact={hasBasisEnergy ? summary.cost : null}
        hint={<CostHint summary={summary} pricing={pricing} words={words} />}
      />
      <EnergyStat
        label="CO₂e"
        testId="energy-co2e"
        quantity={summary.co2eKg === null || !hasBasisEnergy ? null : co2eQuantity(summary.co2eKg, locale)}
        exact={hasBasisEnergy ? summary.co2eKg : null}
        hint={summary.co2eKg === null ? t("noIntensityHours") : carbonText(pricing, words)}
      />
    </div>
  );
}
