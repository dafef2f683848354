import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Energy" };

export default function EnergyPage() {
  return (
    <ComingSection
      eyebrow="Infrastructure"
      title="Energy"
      summary="Metered energy per site with PUE, cost in the site's currency and carbon from the grid's intensity."
      features={[
        {
          title: "Meter readings",
          body: "Cumulative kWh registers from facility and IT meters, posted in batches. Register resets and gaps are detected instead of being counted as usage.",
        },
        {
          title: "PUE over time",
          body: "Facility kWh divided by IT kWh per site and interval, so cooling and distribution overhead is visible next to the IT load it serves.",
        },
        {
          title: "Cost and carbon",
          body: "kWh × the site's tariff (EUR for ams1, USD for pdx1 in the demo) and kWh × the grid's gCO2e/kWh, reported as kg CO2e.",
        },
        {
          title: "Energy per training run",
          body: "GPU power attributed to each job over its run, carried into the model version's lineage as kWh and kg CO2e.",
        },
      ]}
      endpoints={[
        { method: "POST", path: "/api/v1/energy/readings", purpose: "[{site, meter, scope, at, kwhTotal}] cumulative readings" },
        { method: "GET", path: "/api/v1/energy/summary", purpose: "itKwh, facilityKwh, pue, cost, co2eKg for a site and range" },
      ]}
    />
  );
}
