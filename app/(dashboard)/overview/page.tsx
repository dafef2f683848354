import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { Skeleton } from "@/components/ui/skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { getFleetSummary } from "@/lib/inventory/fleet-summary";
import { listServers } from "@/lib/inventory/servers";
import { listSiteOverviews } from "@/lib/inventory/site-overview";
import { listUnhealthyGpus } from "@/lib/inventory/unhealthy-gpus";
import { AttentionPanels } from "./_components/attention-panels";
import { FleetStatCards } from "./_components/fleet-stat-cards";
import { GpuModelsCard } from "./_components/gpu-models-card";
import {
  DeploymentsPanel,
  EnergyTodayPanel,
  EnergyTrendPanel,
  FiringAlertsPanel,
  HeatmapPanel,
  JobQueuePanel,
} from "./_components/production-panels";
import { SitesCard } from "./_components/sites-card";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.nav"))("overview") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ trend?: string }> }) {
  await requirePagePrincipal();
  const days = (await searchParams).trend === "7d" ? 7 : 1;
  const [summary, sites, unhealthyGpus, maintenance] = await Promise.all([
    getFleetSummary(),
    listSiteOverviews(),
    listUnhealthyGpus(),
    listServers({ status: "maintenance", limit: 10 }),
  ]);
  const t = await getTranslations("overview");
  const gpuTotal = summary.gpus.healthy + summary.gpus.degraded + summary.gpus.failed;

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        actions={<LiveRefresh seconds={30} renderedAt={new Date().toISOString()} />}
        description={t("description")}
      />
      <FleetStatCards summary={summary} sites={sites} />
      <div className="mt-4 grid gap-4 xl:grid-cols-2">
        <Suspense fallback={<Skeleton className="h-40" />}>
          <FiringAlertsPanel />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-40" />}>
          <JobQueuePanel />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-32" />}>
          <DeploymentsPanel />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-32" />}>
          <EnergyTodayPanel />
        </Suspense>
      </div>
      <div className="mt-4">
        <Suspense fallback={<Skeleton className="h-48" />}>
          <HeatmapPanel />
        </Suspense>
      </div>
      <section className="mt-4" aria-label={t("trend.label")}>
        <p className="mb-2 flex gap-3 text-xs text-slate-400">
          {t("trend.over")}{" "}
          <Link
            href="/overview"
            aria-current={days === 1 ? "page" : undefined}
            className={days === 1 ? "text-emerald-300" : "underline"}
          >
            {t("trend.day")}
          </Link>
          <Link
            href="/overview?trend=7d"
            aria-current={days === 7 ? "page" : undefined}
            className={days === 7 ? "text-emerald-300" : "underline"}
          >
            {t("trend.week")}
          </Link>
        </p>
        <Suspense fallback={<Skeleton className="h-64" />}>
          <EnergyTrendPanel days={days} />
        </Suspense>
      </section>
      <div className="mt-4 grid gap-4 xl:grid-cols-5">
        <SitesCard sites={sites} className="xl:col-span-3" />
        <GpuModelsCard models={summary.gpuModels} total={gpuTotal} className="xl:col-span-2" />
      </div>
      <AttentionPanels gpus={unhealthyGpus} maintenance={maintenance.items} nowMs={Date.now()} />
    </>
  );
}
