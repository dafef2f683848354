import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { listRackSummaries, type RackSummary } from "@/lib/inventory/rack-elevation";
import { RacksTable } from "./_components/racks-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.nav"))("racks") };
}

function groupBySite(racks: RackSummary[]): [string, RackSummary[]][] {
  const sites = new Map<string, RackSummary[]>();
  for (const r of racks) sites.set(r.site, [...(sites.get(r.site) ?? []), r]);
  return [...sites];
}

export default async function RacksPage() {
  await requirePagePrincipal();
  const racks = await listRackSummaries();
  const sites = groupBySite(racks);
  const t = await getTranslations("racks");

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      {sites.length === 0 && <Notice title={t("emptyTitle")}>{t("empty", { endpoint: "POST /api/v1/racks" })}</Notice>}
      <div className="space-y-4">
        {sites.map(([site, siteRacks]) => {
          const usedU = siteRacks.reduce((n, r) => n + r.usedU, 0);
          const totalU = siteRacks.reduce((n, r) => n + r.heightU, 0);
          return (
            <Card
              key={site}
              title={<span className="font-mono">{site}</span>}
              description={t("siteSummary", { count: siteRacks.length, usedU, totalU })}
              isFlush
            >
              <RacksTable site={site} racks={siteRacks} />
            </Card>
          );
        })}
      </div>
    </>
  );
}
