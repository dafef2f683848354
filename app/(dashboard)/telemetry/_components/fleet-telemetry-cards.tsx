import { StatCard } from "@/components/ui/card";
import { formatKilowatts, formatPct, formatTempC } from "@/components/ui/readings";
import type { FleetTelemetry } from "@/lib/telemetry/views/fleet-heat";

/** The fleet's telemetry in four numbers: who reports, how busy, how hot, how much power. */
export function FleetTelemetryCards({ telemetry }: { telemetry: FleetTelemetry }) {
  const { fleet, windowMinutes } = telemetry;
  const silent = fleet.gpus - fleet.gpusReporting;
  const hottest = telemetry.hottest[0];
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label="GPUs reporting"
        value={`${fleet.gpusReporting} / ${fleet.gpus}`}
        hint={`with a reading in the last ${windowMinutes} min`}
        parts={[
          { label: "reporting", value: fleet.gpusReporting, tone: "good" },
          { label: "silent", value: silent, tone: "neutral" },
        ]}
        testId="stat-reporting"
      />
      <StatCard
        label="Average utilisation"
        value={fleet.avgUtilPct === null ? "—" : formatPct(fleet.avgUtilPct)}
        hint="mean of the reporting GPUs' latest readings"
        testId="stat-util"
      />
      <StatCard
        label="Hottest GPU"
        value={fleet.maxTempC === null ? "—" : formatTempC(fleet.maxTempC)}
        hint={hottest ? `${hottest.hostname} #${hottest.index}` : "no temperature reported"}
        testId="stat-hottest"
      />
      <StatCard
        label="GPU power"
        value={fleet.totalPowerW === null ? "—" : formatKilowatts(fleet.totalPowerW)}
        hint="sum of the reporting GPUs' latest draw"
        testId="stat-power"
      />
    </div>
  );
}
