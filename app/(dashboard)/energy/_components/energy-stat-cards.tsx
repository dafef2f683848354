import type { ReactNode } from "react";
import type { SitePricing } from "@/lib/energy/page-pricing";
import type { SummaryOut } from "@/lib/energy/schemas";
import { co2eQuantity, formatPricePerKwh, formatPue, kwhQuantity, moneyQuantity, type Quantity } from "./energy-format";

type Tone = "normal" | "warn";

/**
 * A headline figure with its unit set smaller, so six fit in a row. The exact
 * value rides along in `data-value` (and the tooltip) for scripts and tests.
 */
function EnergyStat({ label, quantity, exact, hint, tone = "normal", testId }: { label: string; quantity: Quantity | null; exact: number | null; hint: ReactNode; tone?: Tone; testId: string }) {
  return (
    <section className="flex flex-col rounded-lg border border-slate-800 bg-slate-900/50 p-4 shadow-sm shadow-black/20" data-testid={testId} data-value={exact ?? undefined}>
      <h2 className="text-xs font-medium uppercase tracking-wider text-slate-400">{label}</h2>
      <p className={`mt-1 font-mono text-2xl font-semibold tabular-nums ${tone === "warn" ? "text-amber-300" : "text-slate-50"}`} title={exact === null ? undefined : String(exact)}>
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

function tariffText(p: SitePricing): string {
  const flat = p.flatPricePerKwh === null ? "no flat price" : formatPricePerKwh(p.flatPricePerKwh, p.currency);
  if (p.periods.length === 0) return `${flat} flat`;
  return `time of use (${p.periods.length} period${p.periods.length === 1 ? "" : "s"}), else ${flat}`;
}

function carbonText(p: SitePricing): string {
  const flat = p.flatGCo2ePerKwh === null ? null : `${p.flatGCo2ePerKwh.toLocaleString("en-US")} g/kWh`;
  if (p.hourlyIntensityHours === 0) return flat ? `grid intensity ${flat} flat` : "no grid intensity set";
  return `hourly intensity for ${p.hourlyIntensityHours} of ${p.periodHours} h${flat ? `, else ${flat}` : ""}`;
}

function meteredHint(count: number, scope: string): string {
  return count === 0 ? `no ${scope} meter reported in this period` : `${count} ${scope} meter${count === 1 ? "" : "s"}`;
}

/** The period's totals: energy by scope, PUE, cost and CO2e, each saying what it was computed from. */
export function EnergyStatCards({ summary, pricing, pueTarget }: { summary: SummaryOut; pricing: SitePricing; pueTarget: number }) {
  const [facilityMeters, itMeters] = [meterCount(summary, "facility"), meterCount(summary, "it")];
  const isPueHigh = summary.pue !== null && summary.pue > pueTarget;
  const hasBasisEnergy = summary.costBasis !== "gpu" || summary.gpuKwh > 0;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      <EnergyStat label="IT energy" testId="energy-it" quantity={itMeters ? kwhQuantity(summary.itKwh) : null} exact={itMeters ? summary.itKwh : null} hint={meteredHint(itMeters, "IT")} />
      <EnergyStat
        label="Facility energy"
        testId="energy-facility"
        quantity={facilityMeters ? kwhQuantity(summary.facilityKwh) : null}
        exact={facilityMeters ? summary.facilityKwh : null}
        hint={meteredHint(facilityMeters, "facility")}
      />
      <EnergyStat
        label="PUE"
        testId="energy-pue"
        quantity={summary.pue === null ? null : { value: formatPue(summary.pue), unit: "" }}
        exact={summary.pue}
        tone={isPueHigh ? "warn" : "normal"}
        hint={summary.pue === null ? "needs facility and IT energy" : `facility ÷ IT · ${isPueHigh ? "above" : "within"} target ${formatPue(pueTarget)}`}
      />
      <EnergyStat label="GPU energy" testId="energy-gpu" quantity={kwhQuantity(summary.gpuKwh)} exact={summary.gpuKwh} hint="DCGM power telemetry of the site's GPUs" />
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
