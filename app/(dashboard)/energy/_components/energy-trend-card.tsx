import { EnergyTrendChart, type EnergyTrendStep } from "@/components/charts/energy-trend-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EnergyTrend, EnergyTrendPoint } from "@/lib/energy/reports/page-trend";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const HOUR_MS = 3_600_000;

/** "Mar 4" from "2026-03-04". */
function shortDate(isoDate: string): string {
  const [, month, day] = isoDate.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}`;
}

const hhmm = (iso: string) => iso.slice(11, 16);

/**
 * Tick labels on round times: every third UTC hour within a day and a half
 * (midnight by its date), only midnights over longer spans; about a dozen
 * labels for daily steps.
 */
function tickOf(p: EnergyTrendPoint, i: number, trend: EnergyTrend): string | null {
  if (trend.step === "day")
    return i % Math.max(1, Math.ceil(trend.points.length / 12)) === 0 ? shortDate(p.date) : null;
  const hourStart = new Date(Math.floor(Date.parse(p.from) / HOUR_MS) * HOUR_MS).toISOString();
  const hour = Number(hourStart.slice(11, 13));
  const isLong = Date.parse(trend.to) - Date.parse(trend.from) > 36 * HOUR_MS;
  if (hour === 0) return shortDate(hourStart.slice(0, 10));
  return !isLong && hour % 3 === 0 ? hhmm(hourStart) : null;
}

function titleOf(p: EnergyTrendPoint, trend: EnergyTrend): string {
  if (trend.step === "day") return `${p.date} (${trend.timezone})`;
  return `${p.from.slice(0, 10)} ${hhmm(p.from)}–${hhmm(p.to)} UTC`;
}

function toChartSteps(trend: EnergyTrend): EnergyTrendStep[] {
  return trend.points.map((p, i) => ({
    tick: tickOf(p, i, trend),
    title: titleOf(p, trend),
    facilityKwh: p.facilityKwh,
    itKwh: p.itKwh,
    gpuKwh: p.gpuKwh,
    pue: p.pue,
  }));
}

/** Energy and PUE per hour or per day over the period (the chart island gets plain numbers). */
export function EnergyTrendCard({
  trend,
  pueTarget,
  className = "",
}: {
  trend: EnergyTrend;
  pueTarget: number;
  className?: string;
}) {
  const description =
    trend.step === "hour"
      ? "Per UTC hour. The facility bar above the IT bar is the overhead PUE measures."
      : `Per local day at ${trend.site} (${trend.timezone}), as in the CSV. The facility bar above the IT bar is the overhead PUE measures.`;
  return (
    <Card
      title={`Energy and PUE per ${trend.step}`}
      description={description}
      className={className}
      actions={
        <span data-testid="energy-trend-step" data-step={trend.step} className="shrink-0 whitespace-nowrap">
          <Badge tone="accent">
            {trend.points.length} × {trend.step === "hour" ? "1 h" : "1 d"}
          </Badge>
        </span>
      }
    >
      <EnergyTrendChart
        steps={toChartSteps(trend)}
        stepName={trend.step}
        pueTarget={pueTarget}
        height={300}
        emptyText={`No meter readings and no GPU power telemetry at ${trend.site} in this period.`}
        testId="energy-trend-chart"
      />
    </Card>
  );
}
