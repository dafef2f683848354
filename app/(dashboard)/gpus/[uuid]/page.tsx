import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { GpuHealthBadge } from "@/components/ui/gpu-health-badge";
import { gpuHref, serverHref } from "@/components/ui/inventory-links";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { formatAge } from "@/components/ui/readings";
import { UtcTime } from "@/components/ui/utc-time";
import { TelemetryStateBadge } from "@/components/ui/telemetry-state-badge";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { flattenSearchParams, type SearchParams } from "@/lib/http/page-query";
import { getGpu } from "@/lib/inventory/gpus";
import { getServerDetail } from "@/lib/inventory/server-detail";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { asLocale } from "@/lib/i18n/locales";
import { orNotFound, orNull } from "../../_components/expected-errors";
import { chartSource, DEFAULT_RANGE, isChartRange } from "./_components/chart-ranges";
import { GpuCharts, GpuChartsSkeleton } from "./_components/gpu-charts";
import { GpuHealth } from "./_components/gpu-health";
import { GpuHealthActions } from "./_components/gpu-health-actions";
import { GpuIdentity } from "./_components/gpu-identity";
import { GpuReadings } from "./_components/gpu-readings";
import { NoTelemetry } from "./_components/no-telemetry";
import { RangePicker } from "./_components/range-picker";
import { SourcePicker } from "./_components/source-picker";

export const dynamic = "force-dynamic";

type Params = { uuid: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const gpu = await orNull(getGpu((await params).uuid));
  return { title: gpu ? `GPU #${gpu.index} · ${gpu.hostname}` : "GPU" };
}

export default async function GpuPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const principal = await requirePagePrincipal();
  const [{ uuid }, query] = await Promise.all([params, searchParams]);
  const gpu = await orNotFound(getGpu(uuid));
  const [server, settings] = await Promise.all([getServerDetail(gpu.hostname), getTelemetrySettings()]);
  if (!server) notFound();
  const { range: requested, source: requestedSource } = flattenSearchParams(query);
  const range = isChartRange(requested) ? requested : DEFAULT_RANGE;
  const source = chartSource(requestedSource, settings.prometheusUrl);
  const path = gpuHref(gpu.uuid);
  const nowMs = Date.now();
  const canAct = gpu.health !== "healthy" && can(principal.role, "inventory.write");
  const isTelemetryStillFailing = gpu.healthCauses.some((c) => c.source === "telemetry");
  const readingsAt = gpu.readingsAt;
  // An API call, the same in every language.
  const seriesCall = `GET /api/v1/gpus/${gpu.uuid}/series?metric=DCGM_FI_DEV_GPU_TEMP`;
  const [t, locale] = await Promise.all([getTranslations("gpus"), getLocale().then(asLocale)]);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow", { site: server.site, rack: server.rack })}
        title={t("title", { index: gpu.index, hostname: gpu.hostname })}
        description={
          gpu.pciBusId
            ? t("description", { model: gpu.model, bus: gpu.pciBusId })
            : t("descriptionNoBus", { model: gpu.model })
        }
        actions={
          <>
            <span data-testid="gpu-health" className="mr-2 flex items-center gap-1.5">
              <GpuHealthBadge health={gpu.health} />
              <TelemetryStateBadge state={gpu.telemetry} lastSeenAt={gpu.lastSeenAt} nowMs={nowMs} />
            </span>
            <ButtonLink href={serverHref(gpu.hostname)}>{t("server")}</ButtonLink>
            <ButtonLink href={hrefWith("/audit", { target: `gpu:${gpu.uuid}` })} variant="ghost">
              {t("history")}
            </ButtonLink>
          </>
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <Card title={t("identity")}>
          <GpuIdentity gpu={gpu} server={server} />
        </Card>
        <div className="grid gap-4 xl:col-span-2">
          <Card
            title={t("latestReadings")}
            description={
              readingsAt ? (
                <>
                  {t.rich("asOf", {
                    time: () => <UtcTime iso={readingsAt} />,
                    age: formatAge(readingsAt, nowMs, locale),
                  })}
                  {gpu.stale && (
                    <span className="text-amber-300">
                      {" · "}
                      {t("staleReadings", { minutes: settings.staleAfterMinutes })}
                    </span>
                  )}
                </>
              ) : (
                t("nothingReported")
              )
            }
          >
            {gpu.readingsAt ? (
              <GpuReadings gpu={gpu} degradedTempC={settings.degradedTempC} />
            ) : (
              <NoTelemetry hostname={gpu.hostname} />
            )}
          </Card>
          <Card title={t("health")}>
            <GpuHealth
              gpu={gpu}
              settings={settings}
              nowMs={nowMs}
              actions={
                canAct ? (
                  <GpuHealthActions uuid={gpu.uuid} isTelemetryStillFailing={isTelemetryStillFailing} />
                ) : undefined
              }
            />
          </Card>
        </div>
      </div>
      {gpu.readingsAt && (
        <section className="mt-6" aria-label={t("charts")}>
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 className="text-sm font-semibold text-slate-100">
                {t("lastRange", { range: t(`ranges.${range}`) })}
              </h2>
              <p className="text-xs text-slate-400">
                {t("chartsNote")}{" "}
                {requested && requested !== range && (
                  <span className="text-amber-300">{t("rangeNotOffered", { requested, range })}</span>
                )}
                {requestedSource === "prometheus" && source !== "prometheus" && (
                  <span className="text-amber-300" data-testid="source-not-configured">
                    {t("sourceNotConfigured")}
                  </span>
                )}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {settings.prometheusUrl && (
                <SourcePicker path={path} range={range} current={source} prometheusUrl={settings.prometheusUrl} />
              )}
              <RangePicker path={path} current={range} source={source} />
            </div>
          </div>
          <Suspense key={`${range}:${source}`} fallback={<GpuChartsSkeleton />}>
            <GpuCharts
              uuid={gpu.uuid}
              memoryMiB={gpu.memoryMiB}
              degradedTempC={settings.degradedTempC}
              range={range}
              source={source}
            />
          </Suspense>
        </section>
      )}
      <p className="mt-6 text-xs text-slate-500">
        {t("apiSeries")}{" "}
        <span className="font-mono text-slate-400" translate="no">
          {seriesCall}
        </span>
      </p>
    </>
  );
}
