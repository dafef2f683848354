import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { lastChangeOf } from "@/lib/audit/last-change";
import { getScrapeNetworks } from "@/lib/telemetry/scrape/network-policy";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { ScrapeNetworksForm } from "../../telemetry/_components/scrape-networks-form";
import { SettingsForm } from "../../telemetry/_components/settings-form";
import { adminPrincipal } from "../_components/admin-access";
import { LastChanged } from "../_components/last-changed";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Telemetry settings · Admin" };

export default async function AdminTelemetryPage() {
  if (!(await adminPrincipal())) return null;
  const [settings, change, networks, networksChange] = await Promise.all([
    getTelemetrySettings(),
    lastChangeOf("settings:telemetry"),
    getScrapeNetworks(),
    lastChangeOf("settings:scrape-networks"),
  ]);
  return (
    <div className="space-y-4">
      <Card
        title="Telemetry settings"
        description="How long samples and rollups are kept, when a GPU counts as degraded or stale, and whether reporting GPUs register themselves. The same form is on the Telemetry page for operators."
      >
        <div className="space-y-3">
          {/* The Telemetry page's own form: one form per setting group, wherever it is shown. */}
          <SettingsForm settings={settings} />
          <LastChanged change={change} />
        </div>
      </Card>
      <Card
        title="Scrape networks"
        description="Where scrape targets may be: every connection the worker makes for a scrape, redirects included, must reach an address in one of these networks. Loopback and link-local (cloud metadata) are refused unless listed."
      >
        <div className="space-y-3">
          <ScrapeNetworksForm allowed={networks.allowed} />
          <LastChanged change={networksChange} />
        </div>
      </Card>
    </div>
  );
}
