import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { getFleetSummary } from "@/lib/inventory/fleet-summary";
import { listServers } from "@/lib/inventory/servers";
import { listSiteOverviews } from "@/lib/inventory/site-overview";
import { listUnhealthyGpus } from "@/lib/inventory/unhealthy-gpus";
import { AttentionPanels } from "./_components/attention-panels";
import { FleetStatCards } from "./_components/fleet-stat-cards";
import { GpuModelsCard } from "./_components/gpu-models-card";
import { SitesCard } from "./_components/sites-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePagePrincipal();
  const [summary, sites, unhealthyGpus, maintenance] = await Promise.all([
    getFleetSummary(),
    listSiteOverviews(),
    listUnhealthyGpus(),
    listServers({ status: "maintenance", limit: 10 }),
  ]);
  const gpuTotal = summary.gpus.healthy + summary.gpus.degraded + summary.gpus.failed;

  return (
    <>
      <PageHeader
        eyebrow="Infrastructure"
        title="Fleet overview"
        description="What is racked where, in what state, and which hardware needs a hand on it. Health counts only what telemetry still confirms; silent GPUs are counted as no data."
      />
      <FleetStatCards summary={summary} sites={sites} />
      <div className="mt-4 grid gap-4 xl:grid-cols-5">
        <SitesCard sites={sites} className="xl:col-span-3" />
        <GpuModelsCard models={summary.gpuModels} total={gpuTotal} className="xl:col-span-2" />
      </div>
      <AttentionPanels gpus={unhealthyGpus} maintenance={maintenance.items} nowMs={Date.now()} />
    </>
  );
}
