import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { lastChangesOf } from "@/lib/audit/last-change";
import { listSites } from "@/lib/inventory/sites";
import { adminPrincipal } from "../_components/admin-access";
import { LastChanged } from "../_components/last-changed";
import { SitePricingForm } from "../_components/site-pricing-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sites · Admin" };

export default async function AdminSitesPage() {
  if (!(await adminPrincipal())) return null;
  const sites = await listSites();
  const changes = await lastChangesOf(
    sites.map((s) => `site:${s.name}`),
    ["site.create", "site.update"],
  );
  return (
    <div className="space-y-4">
      {sites.length === 0 && (
        <Card title="No sites yet">
          <p className="text-[13px] text-slate-400">Register sites on the Fleet page or with POST /api/v1/sites.</p>
        </Card>
      )}
      {sites.map((site) => (
        <Card
          key={site.name}
          title={<span className="font-mono">{site.name}</span>}
          description={
            <>
              {site.rackCount} racks · time zone {site.timezone} · time-of-use periods and hourly grid intensity are on{" "}
              <Link href={`/energy?site=${encodeURIComponent(site.name)}`} className="text-emerald-300 hover:underline">
                Energy
              </Link>
              .
            </>
          }
        >
          <div className="space-y-3" data-testid="site-pricing">
            <SitePricingForm site={site} />
            <LastChanged
              change={changes.get(`site:${site.name}`) ?? null}
              never="Never changed since it was registered."
            />
          </div>
        </Card>
      ))}
    </div>
  );
}
