import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { verbatim } from "@/components/ui/verbatim";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { getFleetTelemetry } from "@/lib/telemetry/views/fleet-heat";
import { listScrapeTargets } from "@/lib/telemetry/scrape/scrape-targets";
import { getScrapeNetworks } from "@/lib/telemetry/scrape/network-policy";
import { ScrapeNetworksForm } from "./_components/scrape-networks-form";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { AddTargetForm } from "./_components/add-target-form";
import { FleetTelemetryCards } from "./_components/fleet-telemetry-cards";
import { HottestGpusTable } from "./_components/hottest-gpus-table";
import { PushHowTo } from "./_components/push-how-to";
import { RemoteWriteHowTo } from "./_components/remote-write-how-to";
import { ScrapeTargetsTable } from "./_components/scrape-targets-table";
import { SettingsForm } from "./_components/settings-form";
import { SettingsList } from "./_components/settings-list";
import { SitesTelemetryTable } from "./_components/sites-telemetry-table";
import { readRequestOrigin } from "@/lib/http/request-origin";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("telemetry"))("title") };
}

export default async function TelemetryPage() {
  const principal = await requirePagePrincipal();
  const canWrite = can(principal.role, "telemetry.write");
  const [telemetry, targets, settings, origin, networks] = await Promise.all([
    getFleetTelemetry(),
    listScrapeTargets(),
    getTelemetrySettings(),
    readRequestOrigin(),
    getScrapeNetworks(),
  ]);
  const [t, tRoles] = await Promise.all([getTranslations("telemetry"), getTranslations("shell.roles")]);
  const nowMs = Date.parse(telemetry.asOf);
  const minutes = telemetry.windowMinutes;
  const failing = targets.filter((t) => t.enabled && t.consecutiveFailures > 0).length;

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <FleetTelemetryCards telemetry={telemetry} />
      <div className="mt-4 grid items-start gap-4 xl:grid-cols-5">
        <Card
          title={t("hottest.title")}
          description={t("hottest.description", { minutes })}
          isFlush
          className="xl:col-span-3"
        >
          <HottestGpusTable gpus={telemetry.hottest} windowMinutes={telemetry.windowMinutes} nowMs={nowMs} />
        </Card>
        <Card
          title={t("bySite.title")}
          description={t("bySite.description", { minutes })}
          isFlush
          className="xl:col-span-2"
        >
          <SitesTelemetryTable sites={telemetry.sites} />
        </Card>
      </div>
      <Card
        title={t("targets.title")}
        description={
          targets.length === 0
            ? t("targets.descriptionEmpty")
            : failing > 0
              ? t("targets.descriptionFailing", { count: targets.length, failing })
              : t("targets.description", { count: targets.length })
        }
        isFlush
        className="mt-4"
      >
        {canWrite ? (
          <div className="border-b border-slate-800 p-4">
            <AddTargetForm />
          </div>
        ) : (
          <p className="border-b border-slate-800 px-4 py-2.5 text-xs text-slate-400">
            {t("targets.needsOperator", { role: tRoles(principal.role) })}
          </p>
        )}
        <ScrapeTargetsTable targets={targets} canWrite={canWrite} nowMs={nowMs} />
        <div className="border-t border-slate-800 p-4 text-xs text-slate-400" data-testid="scrape-networks">
          <p className="mb-2">
            {t.rich("targets.networks", {
              list: () =>
                networks.allowed.length === 0 ? (
                  <span className="text-amber-300">{t("targets.noNetwork")}</span>
                ) : (
                  <span className="font-mono text-slate-300">{networks.allowed.join(", ")}</span>
                ),
            })}
            {can(principal.role, "telemetry.networks") ? null : <> {t("targets.adminOnly")}</>}
          </p>
          {can(principal.role, "telemetry.networks") && <ScrapeNetworksForm allowed={networks.allowed} />}
        </div>
      </Card>
      <div className="mt-4 grid items-start gap-4 xl:grid-cols-2">
        <Card
          title={t("settings.title")}
          description={canWrite ? t("settings.descriptionWrite") : t("settings.descriptionRead")}
        >
          {canWrite ? (
            <SettingsForm settings={settings} canSetPrometheus={can(principal.role, "telemetry.networks")} />
          ) : (
            <SettingsList settings={settings} />
          )}
        </Card>
        <Card
          title={t("push.title")}
          description={t.rich("push.description", { endpoint: "POST /api/v1/telemetry/dcgm", code: verbatim })}
        >
          <PushHowTo origin={origin} />
        </Card>
        <Card
          title={t("remoteWrite.title")}
          description={t.rich("remoteWrite.description", {
            endpoint: "POST /api/v1/telemetry/remote-write",
            protocol: "remote-write 1.0",
            code: verbatim,
          })}
        >
          <RemoteWriteHowTo origin={origin} />
        </Card>
      </div>
    </>
  );
}
