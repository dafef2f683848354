import Link from "next/link";
import { ScrollArea } from "@/components/ui/scroll-area";

/**
 * The empty state of a site without meters: how to post cumulative meter
 * registers. `origin` is this Rackmind's address as the browser sees it, so
 * the example pastes as is.
 */
export function ReadingsHowTo({ origin, site, hasGpuEnergy }: { origin: string; site: string; hasGpuEnergy: boolean }) {
  const curl = [
    `RACKMIND=${origin}`,
    `AT=$(date -u +%FT%TZ)`,
    `curl -sS "$RACKMIND/api/v1/energy/readings" \\`,
    `  -H "Authorization: Bearer $RACKMIND_TOKEN" \\`,
    `  -H "Content-Type: application/json" --data-binary @- <<EOF`,
    `[{"site": "${site}", "meter": "utility-main", "scope": "facility", "at": "$AT", "kwhTotal": 1204518.4},`,
    ` {"site": "${site}", "meter": "it-ups-a", "scope": "it", "at": "$AT", "kwhTotal": 860127.9}]`,
    `EOF`,
  ].join("\n");
  return (
    <div className="space-y-3 text-[13px] text-slate-300" data-testid="readings-how-to">
      <p>
        No meter has reported at <span className="font-mono text-slate-100">{site}</span> in this period, so there is no
        facility or IT energy and no PUE. Post each meter&apos;s cumulative kWh register as often as it is read — every
        few minutes, hourly or daily (an operator API token from{" "}
        <Link href="/admin" className="text-emerald-300 hover:underline">
          Admin
        </Link>
        ): <span className="font-mono text-slate-100">facility</span> for the utility feed,{" "}
        <span className="font-mono text-slate-100">it</span> for the IT load. A meter is created on its first reading.
      </p>
      <ScrollArea
        as="pre"
        label="Readings example"
        className="overflow-x-auto rounded-md border border-slate-800 bg-slate-950/80 p-3 font-mono text-[12px] leading-5 text-slate-200"
        testId="readings-example"
      >
        {curl}
      </ScrollArea>
      <p className="text-xs text-slate-500">
        Meters that only know power can send <span className="font-mono text-slate-400">&quot;watts&quot;</span> instead
        of <span className="font-mono text-slate-400">&quot;kwhTotal&quot;</span>. A register&apos;s difference between
        two readings always counts, however far apart they are (readings more than 15 minutes apart are spread evenly
        and listed as coarse); a register that goes down is read as a reset, never as negative energy. Watts samples
        more than 15 minutes apart are a gap.{" "}
        {hasGpuEnergy ? (
          "Until meters report, cost and CO₂e are computed from GPU telemetry."
        ) : (
          <>
            GPU energy needs dcgm telemetry:{" "}
            <Link href="/telemetry" className="text-emerald-300 hover:underline">
              set up telemetry →
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
