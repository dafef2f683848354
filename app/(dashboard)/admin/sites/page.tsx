import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { lastChangesOf } from "@/lib/audit/last-change";
import { listSites } from "@/lib/inventory/sites";
import { adminPrincipal } from "../_components/admin-access";
import { adminMetadata } from "../_components/admin-metadata";
import { LastChanged } from "../_components/last-changed";
import { SitePricingForm } from "../_components/site-pricing-form";

export const dynamic = "force-dynamic";
export function generateMetadata(): Promise<Metadata> {
  return adminMetadata("sites");
}

export default async function AdminSitesPage() {
  if (!(await adminPrincipal())) return null;
  const sites = await listSites();
  const changes = await lastChangesOf(
    sites.map((s) => `site:${s.name}`),
    ["site.create", "site.update"],
  );
  const t = await getTranslations("admin.sites");
  return (
    <div className="space-y-4">
      {sites.length === 0 && (
        <Card title={t("noneTitle")}>
          <p className="text-[13px] text-slate-400">{t("none")}</p>
        </Card>
      )}
      {sites.map((site) => (
        <Card
          key={site.name}
          title={<span className="font-mono">{site.name}</span>}
          description={t.rich("description", {
            racks: site.rackCount,
            timezone: site.timezone,
            energy: (chunks) => (
              <Link href={`/energy?site=${encodeURIComponent(site.name)}`} className="text-emerald-300 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        >
          <div className="space-y-3" data-testid="site-pricing">
            <SitePricingForm site={site} />
            <LastChanged change={changes.get(`site:${site.name}`) ?? null} never={t("neverChanged")} />
          </div>
        </Card>
      ))}
    </div>
  );
}
