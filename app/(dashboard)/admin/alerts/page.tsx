import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { lastChangeOf } from "@/lib/audit/last-change";
import { getFaultSettings } from "@/lib/faults/settings";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { adminPrincipal } from "../_components/admin-access";
import { adminMetadata } from "../_components/admin-metadata";
import { FaultSettingsForm } from "../_components/fault-settings-form";
import { LastChanged } from "../_components/last-changed";

export const dynamic = "force-dynamic";
export function generateMetadata(): Promise<Metadata> {
  return adminMetadata("alerts");
}

// Links inside sentences are underlined: colour alone does not set them apart (WCAG 1.4.1).
const link = "text-emerald-300 underline underline-offset-2";

export default async function AdminAlertsPage() {
  if (!(await adminPrincipal())) return null;
  const [faults, telemetry, change] = await Promise.all([
    getFaultSettings(),
    getTelemetrySettings(),
    lastChangeOf("settings:faults"),
  ]);
  const t = await getTranslations("admin.alerts");
  const links = {
    alerts: (chunks: React.ReactNode) => (
      <Link href="/alerts" className={link}>
        {chunks}
      </Link>
    ),
    telemetry: (chunks: React.ReactNode) => (
      <Link href="/admin/telemetry" className={link}>
        {chunks}
      </Link>
    ),
    mono: (chunks: React.ReactNode) => <span className="font-mono">{chunks}</span>,
  };
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card title={t("faultsTitle")} description={t("faultsDescription")}>
        <div className="space-y-3">
          <FaultSettingsForm settings={faults} />
          <LastChanged change={change} />
        </div>
      </Card>
      <Card title={t("evaluationTitle")} description={t("evaluationDescription")}>
        <ul className="list-disc space-y-2 pl-5 text-[13px] text-slate-300">
          <li>{t.rich("rules", links)}</li>
          <li>{t.rich("receivers", links)}</li>
          <li>{t.rich("stale", { ...links, minutes: telemetry.staleAfterMinutes })}</li>
        </ul>
      </Card>
    </div>
  );
}
