import type { ReactNode } from "react";
import type { SitePricing } from "@/lib/energy/pricing/page-pricing";
import type { SummaryOut } from "@/lib/energy/reports/summary-schemas";
import {
  co2eQuantity,
  formatPricePerKwh,
  formatPue,
  formatUtcMinute,
  kwhQuantity,
  moneyQuantity,
  type Quantity,
} from "./energy-format";
import { formatNumber } from "@/lib/format";
import { untranslatedLocale } from "@/lib/i18n/locales";

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

const basisText: Record<SummaryOut["costBasis"], string> = {
  facility: "facility meters",
  it: "IT meters (no facility meter)",
  gpu: "GPU telemetry (no meters)",
};

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

function scopeStat(
  summary: SummaryOut,
  scope: "facility" | "it",
): { quantity: Quantity | null; exact: number | null; hint: string } {
  const count = meterCount(summary, scope);
  const kwh = scope === "it" ? summary.itKwh : summary.facilityKwh;
  const name = scope === "it" ? "IT" : "facility";
  const through = readThrough(summary, scope);
  if (count === 0) return { quantity: null, exact: null, hint: meteredHint(0, name) };
  if (isUnreadYet(summary, scope))
    return { quantity: null, exact: null, hint: `not read in this period yet (last ${formatUtcMinute(through!)})` };
  return {
    quantity: kwhQuantity(kwh),
    exact: kwh,
    hint: through ? `${meteredHint(count, name)} · read through ${formatUtcMinute(through)}` : meteredHint(count, name),
  };
}

export const pueUnknownText: Record<NonNullable<SummaryOut["pueUnknownReason"]>, string> = {
  no_facility_meter: "needs facility and IT energy",
  no_it_meter: "needs facility and IT energy",
  no_common_time: "no time in this period with readings of both facility and IT",
  no_energy: "facility or IT used no energy",
};

function pueHint(summary: SummaryOut, pueTarget: number, isPueHigh: boolean): string {
  if (summary.pue === null) return pueUnknownText[summary.pueUnknownReason ?? "no_facility_meter"];
  const target = `${isPueHigh ? "above" : "within"} target ${formatPue(pueTarget)}`;
  const isWholePeriod = summary.pueFrom === summary.from && summary.pueTo === summary.to;
  return isWholePeriod
    ? `facility ÷ IT · ${target}`
    : `facility ÷ IT from ${formatUtcMinute(summary.pueFrom!)} to ${formatUtcMinute(summary.pueTo!)}, where both were read · ${target}`;
}

function tariffText(p: SitePricing): string {
  const flat = p.flatPricePerKwh === null ? "no flat price" : formatPricePerKwh(p.flatPricePerKwh, p.currency);
  if (p.periods.length === 0) return `${flat} flat`;
  return `time of use (${p.periods.length} period${p.periods.length === 1 ? "" : "s"}), else ${flat}`;
}

function carbonText(p: SitePricing): string {
  const flat = p.flatGCo2ePerKwh === null ? null : `${formatNumber(p.flatGCo2ePerKwh, untranslatedLocale, 3)} g/kWh`;
  if (p.hourlyIntensityHours === 0) return flat ? `grid intensity ${flat} flat` : "no grid intensity set";
  return `hourly intensity for ${p.hourlyIntensityHours} of ${p.periodHours} h${flat ? `, else ${flat}` : ""}`;
}

/** "38.2 %": a coverage share for a person, never rounded up to a whole 100 % it is not. */
function formatCoverage(share: number): string {
  return share >= 1
    ? "100 %"
    : `${formatNumber(Math.min(99.9, Math.round(share * 1000) / 10), untranslatedLocale, 3)} %`;
}

/** What the GPU energy rests on: how many GPUs reported, for how much of the period. */
function gpuStat(summary: SummaryOut): { quantity: Quantity | null; exact: number | null; hint: string; tone: Tone } {
  const t = summary.gpuTelemetry;
  if (t.gpusReporting === 0)
    return {
      quantity: null,
      exact: null,
      hint: `no GPU power telemetry in this period (${t.gpus} GPUs at the site)`,
      tone: "normal",
    };
  const isPartial = t.coverage < 0.95;
  const hint = `DCGM power of ${t.gpusReporting} of ${t.gpus} GPUs · covers ${formatCoverage(t.coverage)} of the period${isPartial && t.from ? `, since ${formatUtcMinute(t.from)}` : ""}`;
  return { quantity: kwhQuantity(summary.gpuKwh), exact: summary.gpuKwh, hint, tone: isPartial ? "warn" : "normal" };
}

function meteredHint(count: number, scope: string): string {
  return count === 0 ? `no ${scope} meter reported in this period` : `${count} ${scope} meter${count === 1 ? "" : "s"}`;
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
  const [facility, it] = [scopeStat(summary, "facility"), scopeStat(summary, "it")];
  const isPueHigh = summary.pue !== null && summary.pue > pueTarget;
  // No price for energy a meter has not reported yet: the cost is unknown, not 0.
  const hasBasisEnergy = summary.costBasis === "gpu" ? summary.gpuKwh > 0 : !isUnreadYet(summary, summary.costBasis);
  const basisThrough = summary.costBasis === "gpu" ? null : readThrough(summary, summary.costBasis);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      <EnergyStat label="IT energy" testId="energy-it" {...it} />
      <EnergyStat label="Facility energy" testId="energy-facility" {...facility} />
      <EnergyStat
        label="PUE"
        testId="energy-pue"
        quantity={summary.pue === null ? null : { value: formatPue(summary.pue), unit: "" }}
        exact={summary.pue}
        tone={isPueHigh ? "warn" : "normal"}
        hint={pueHint(summary, pueTarget, isPueHigh)}
      />
      <EnergyStat label="GPU energy" testId="energy-gpu" {...gpuStat(summary)} />
      <EnergyStat
        label="Cost"
        testId="energy-cost"
        quantity={summary.cost === null || !hasBasisEnergy ? null : moneyQuantity(summary.cost, summary.currency)}
        exact={hasBasisEnergy ? summary.cost : null}
        hint={
          <>
            <span data-testid="energy-cost-basis" data-basis={summary.costBasis}>
              on {basisText[summary.costBasis]}
            </span>{" "}
            · {summary.cost === null ? "some energy has no price" : tariffText(pricing)}
            {hasBasisEnergy && basisThrough && ` · energy read through ${formatUtcMinute(basisThrough)}`}
            {hasBasisEnergy &&
              summary.costBasis === "gpu" &&
              summary.gpuTelemetry.coverage < 0.95 &&
              ` · only the ${formatCoverage(summary.gpuTelemetry.coverage)} of the period GPU telemetry covers`}
          </>
        }
      />
      <EnergyStat
        label="CO₂e"
        testId="energy-co2e"
        quantity={summary.co2eKg === null || !hasBasisEnergy ? null : co2eQuantity(summary.co2eKg)}
        exact={hasBasisEnergy ? summary.co2eKg : null}
        hint={summary.co2eKg === null ? "some hours have no grid intensity" : carbonText(pricing)}
      />
    </div>
  );
}
