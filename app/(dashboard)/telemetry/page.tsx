import type { Metadata } from "next";
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
import { ScrapeTargetsTable } from "./_components/scrape-targets-table";
import { SettingsForm } from "./_components/settings-form";
import { SettingsList } from "./_components/settings-list";
import { SitesTelemetryTable } from "./_components/sites-telemetry-table";
import { readRequestOrigin } from "@/lib/http/request-origin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Telemetry" };

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
  const nowMs = Date.parse(telemetry.asOf);
  const failing = targets.filter((t) => t.enabled && t.consecutiveFailures > 0).length;

  return (
    <>
      <PageHeader
        eyebrow="Infrastructure"
        title="Telemetry"
        description="GPU telemetry from NVIDIA dcgm-exporter, scraped by Rackmind's worker or pushed to it, stored per GPU and turned into health."
      />
      <FleetTelemetryCards telemetry={telemetry} />
      <div className="mt-4 grid items-start gap-4 xl:grid-cols-5">
        <Card
          title="Hottest GPUs"
          description={`The ten hottest by their latest temperature, among GPUs that reported in the last ${telemetry.windowMinutes} minutes.`}
          isFlush
          className="xl:col-span-3"
        >
          <HottestGpusTable gpus={telemetry.hottest} windowMinutes={telemetry.windowMinutes} nowMs={nowMs} />
        </Card>
        <Card
          title="By site"
          description={`GPUs with a reading in the last ${telemetry.windowMinutes} minutes.`}
          isFlush
          className="xl:col-span-2"
        >
          <SitesTelemetryTable sites={telemetry.sites} />
        </Card>
      </div>
      <Card
        title="Scrape targets"
        description={
          targets.length === 0
            ? "dcgm-exporter endpoints the worker polls on their interval."
            : `${targets.length} registered${failing > 0 ? `, ${failing} failing` : ""}. The worker polls each enabled target on its interval and backs off while it fails.`
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
            Adding or changing targets needs the operator role; you are signed in as {principal.role}.
          </p>
        )}
        <ScrapeTargetsTable targets={targets} canWrite={canWrite} nowMs={nowMs} />
        <div className="border-t border-slate-800 p-4 text-xs text-slate-400" data-testid="scrape-networks">
          <p className="mb-2">
            Every connection a scrape makes, redirects included, must reach an address in{" "}
            {networks.allowed.length === 0 ? (
              <span className="text-amber-300">no network: scraping is off</span>
            ) : (
              <span className="font-mono text-slate-300">{networks.allowed.join(", ")}</span>
            )}
            . Loopback and link-local addresses (cloud metadata) are refused unless listed.
            {can(principal.role, "telemetry.networks") ? "" : " Only an admin can change this list."}
          </p>
          {can(principal.role, "telemetry.networks") && <ScrapeNetworksForm allowed={networks.allowed} />}
        </div>
      </Card>
      <div className="mt-4 grid items-start gap-4 xl:grid-cols-2">
        <Card
          title="Settings"
          description={
            canWrite
              ? "Retention and health thresholds. Saving is recorded in the audit log."
              : "Retention and health thresholds. Operators can change them."
          }
        >
          {canWrite ? <SettingsForm settings={settings} /> : <SettingsList settings={settings} />}
        </Card>
        <Card
          title="Push instead of scrape"
          description="For nodes Rackmind cannot reach: POST /api/v1/telemetry/dcgm."
        >
          <PushHowTo origin={origin} />
        </Card>
      </div>
    </>
  );
}
