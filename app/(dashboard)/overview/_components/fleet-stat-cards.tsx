import { StatCard, type StatPart } from "@/components/ui/card";
import { gpuHeadline, type FleetSummary } from "@/lib/inventory/fleet-summary";
import type { SiteOverview } from "@/lib/inventory/site-overview";

const siteTones = ["info", "accent", "neutral"] as const;

function bySite(sites: SiteOverview[], count: (s: SiteOverview) => number): StatPart[] {
  return sites.map((s, i) => ({
    label: s.name,
    value: count(s),
    tone: siteTones[Math.min(i, siteTones.length - 1)] ?? "neutral",
  }));
}

/**
 * What "no data" means under the GPU count: how many GPUs telemetry has not
 * confirmed within the stale threshold, and what they last were.
 */
function silenceHint(s: FleetSummary): string {
  const { stale, never } = s.telemetry;
  if (stale + never === 0)
    return `${s.gpuModels.length} models · every GPU reported in the last ${s.staleAfterMinutes} min`;
  const last = (["healthy", "degraded", "failed"] as const)
    .flatMap((h) => (s.silentByHealth[h] ? [`${s.silentByHealth[h]} ${h}`] : []))
    .join(", ");
  const parts = [
    never ? `${never} never reported` : null,
    stale ? `${stale} silent > ${s.staleAfterMinutes} min` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `no telemetry: ${parts} (last known ${last})`;
}

/** The headline row: sites, racks, servers by status, GPUs by health. */
export function FleetStatCards({ summary, sites }: { summary: FleetSummary; sites: SiteOverview[] }) {
  const { servers, gpus } = summary;
  const serverTotal = servers.active + servers.maintenance + servers.retired;
  const gpuTotal = gpus.healthy + gpus.degraded + gpus.failed;
  const headline = gpuHeadline(summary);
  const powerCapKw = sites.reduce((sum, s) => sum + s.powerCapKw, 0);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        testId="stat-sites"
        label="Sites"
        value={summary.sites}
        hint={sites.map((s) => s.name).join(" · ") || "none yet"}
        parts={bySite(sites, (s) => s.gpus)}
        partsLabel="GPUs by site"
      />
      <StatCard
        testId="stat-racks"
        label="Racks"
        value={summary.racks}
        hint={`${powerCapKw.toLocaleString("en-US")} kW power cap`}
        parts={bySite(sites, (s) => s.racks)}
        partsLabel="racks by site"
      />
      <StatCard
        testId="stat-servers"
        label="Servers"
        value={serverTotal}
        hint={`${serverTotal} in total`}
        partsLabel="by status"
        parts={[
          { label: "active", value: servers.active, tone: "good" },
          { label: "maintenance", value: servers.maintenance, tone: "warn" },
          { label: "retired", value: servers.retired, tone: "neutral" },
        ]}
      />
      <StatCard
        testId="stat-gpus"
        label="GPUs"
        value={gpuTotal}
        hint={silenceHint(summary)}
        partsLabel="by health, as telemetry last confirmed it"
        parts={[
          { label: "healthy", value: headline.healthy, tone: "good" },
          { label: "degraded", value: headline.degraded, tone: "warn" },
          { label: "failed", value: headline.failed, tone: "bad" },
          { label: "no data", value: headline.noData, tone: "neutral" },
        ]}
      />
    </div>
  );
}
