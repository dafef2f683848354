import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { lastChangeOf } from "@/lib/audit/last-change";
import { getScrapeNetworks } from "@/lib/telemetry/scrape/network-policy";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { ScrapeNetworksForm } from "../../telemetry/_components/scrape-networks-form";
import { SettingsForm } from "../../telemetry/_components/settings-form";
import { adminPrincipal } from "../_components/admin-access";
import { adminMetadata } from "../_components/admin-metadata";
import { LastChanged } from "../_components/last-changed";

export const dynamic = "force-dynamic";
export function generateMetadata(): Promise<Metadata> {
  return adminMetadata("telemetry");
}

export default async function AdminTelemetryPage() {
  if (!(await adminPrincipal())) return null;
  const [settings, change, networks, networksChange] = await Promise.all([
    getTelemetrySettings(),
    lastChangeOf("settings:telemetry"),
    getScrapeNetworks(),
    lastChangeOf("settings:scrape-networks"),
  ]);
  const t = await getTranslations("admin.telemetry");
  return (
    <div className="space-y-4">
      <Card title={t("settingsTitle")} description={t("settingsDescription")}>
        <div className="space-y-3">
          {/* The Telemetry page's own form: one form per setting group, wherever it is shown. */}
          <SettingsForm settings={settings} canSetPrometheus />
          <LastChanged change={change} />
        </div>
      </Card>
      <Card title={t("networksTitle")} description={t("networksDescription")}>
        <div className="space-y-3">
          <ScrapeNetworksForm allowed={networks.allowed} />
          <LastChanged change={networksChange} />
        </div>
      </Card>
    </div>
  );
}
