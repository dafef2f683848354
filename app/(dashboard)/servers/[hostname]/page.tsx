import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { rackHref } from "@/components/ui/inventory-links";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { ServerStatusBadge } from "@/components/ui/server-status-badge";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listGpus } from "@/lib/inventory/gpus";
import type { GpuOut } from "@/lib/inventory/schemas";
import type { Translate } from "@/lib/i18n/translate";
import { getServerDetail } from "@/lib/inventory/server-detail";
import { getNodeFault } from "@/lib/faults/node-faults";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { FaultPanel } from "./_components/fault-panel";
import { GpusTable } from "./_components/gpus-table";
import { ServerFacts } from "./_components/server-facts";
import { ServerStatusControl } from "./_components/server-status-control";

export const dynamic = "force-dynamic";

type Params = { hostname: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).hostname };
}

function gpuSummary(gpus: GpuOut[], staleAfterMinutes: number, t: Translate): string {
  const unhealthy = gpus.filter((g) => g.health !== "healthy").length;
  const silent = gpus.filter((g) => g.stale).length;
  const models = [...new Set(gpus.map((g) => g.model))];
  const count =
    models.length > 0
      ? t("gpuCountModels", { count: gpus.length, models: models.join(", ") })
      : t("gpuCount", { count: gpus.length });
  const health =
    unhealthy === 0
      ? silent === gpus.length && gpus.length > 0
        ? t("noneConfirmed")
        : t("allHealthy")
      : t("notHealthy", { count: unhealthy });
  const silence = silent === 0 ? "" : t("silent", { count: silent, minutes: staleAfterMinutes });
  return [t("countAndHealth", { count, health }), silence].filter(Boolean).join(" ");
}

function readingsSummary(gpus: GpuOut[], t: Translate): string {
  const times = gpus.flatMap((g) => (g.readingsAt ? [g.readingsAt] : []));
  if (times.length === 0) return t("noTelemetry");
  return t("latestReadings", {
    at: times
      .sort()
      .at(-1)!
      .replace(/\.\d{3}Z$/, "Z"),
  });
}

export default async function ServerPage({ params }: { params: Promise<Params> }) {
  const principal = await requirePagePrincipal();
  const server = await getServerDetail((await params).hostname);
  if (!server) notFound();
  // The GPU list API's view of the server's GPUs, so this page and the API always agree.
  const [{ items: gpus }, settings, fault] = await Promise.all([
    listGpus({ hostname: server.hostname, limit: 1000 }),
    getTelemetrySettings(),
    getNodeFault(server.hostname),
  ]);
  const canWrite = can(principal.role, "inventory.write");
  const [t, tr] = await Promise.all([getTranslations("servers"), getTranslations("shell.roles")]);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow", { site: server.site, rack: server.rack })}
        title={server.hostname}
        description={server.model ?? undefined}
        actions={
          <>
            <span data-testid="server-status" className="mr-2">
              <ServerStatusBadge status={server.status} />
            </span>
            <ButtonLink href={rackHref(server.site, server.rack, server.hostname)}>{t("showInRack")}</ButtonLink>
            <ButtonLink href={hrefWith("/audit", { target: `server:${server.hostname}` })} variant="ghost">
              {t("history")}
            </ButtonLink>
          </>
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <Card title={t("placement")} className="xl:col-span-2">
          <ServerFacts server={server} />
        </Card>
        {canWrite ? (
          <Card title={t("status")} description={t("statusAudited")}>
            <ServerStatusControl hostname={server.hostname} status={server.status} />
          </Card>
        ) : (
          <Card title={t("status")}>
            <p className="text-[13px] text-slate-400">{t("needsOperator", { role: tr(principal.role) })}</p>
          </Card>
        )}
      </div>
      <Card
        title={t("gpusTitle")}
        description={`${gpuSummary(gpus, settings.staleAfterMinutes, t)} ${readingsSummary(gpus, t)}`}
        isFlush
        className="mt-4"
      >
        <GpusTable gpus={gpus} nowMs={Date.now()} />
      </Card>
      <FaultPanel fault={fault} canWrite={canWrite} />
    </>
  );
}
