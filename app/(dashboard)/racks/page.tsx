import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { listRackSummaries, type RackSummary } from "@/lib/inventory/rack-elevation";
import { RacksTable } from "./_components/racks-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Racks" };

function groupBySite(racks: RackSummary[]): [string, RackSummary[]][] {
  const sites = new Map<string, RackSummary[]>();
  for (const r of racks) sites.set(r.site, [...(sites.get(r.site) ?? []), r]);
  return [...sites];
}

export default async function RacksPage() {
  await requirePagePrincipal();
  const racks = await listRackSummaries();
  const sites = groupBySite(racks);

  return (
    <>
      <PageHeader
        eyebrow="Infrastructure"
        title="Racks"
        description="Every rack by site, with how many of its units are taken. Open a rack to see its elevation: what is mounted where."
      />
      {sites.length === 0 && (
        <Notice title="No racks yet">
          Create one with POST /api/v1/racks, or import an inventory CSV on the Fleet page.
        </Notice>
      )}
      <div className="space-y-4">
        {sites.map(([site, siteRacks]) => {
          const usedU = siteRacks.reduce((n, r) => n + r.usedU, 0);
          const totalU = siteRacks.reduce((n, r) => n + r.heightU, 0);
          return (
            <Card
              key={site}
              title={<span className="font-mono">{site}</span>}
              description={`${siteRacks.length} racks · ${usedU} of ${totalU}U used`}
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
