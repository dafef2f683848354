import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { flattenSearchParams, type SearchParams } from "@/lib/http/page-query";
import { getRackElevation } from "@/lib/inventory/rack-elevation";
import { ElevationLegend } from "../../_components/elevation-legend";
import { RackElevationDrawing } from "../../_components/rack-elevation";
import { RackFacts } from "../../_components/rack-facts";
import { RackServersTable } from "../../_components/rack-servers-table";

export const dynamic = "force-dynamic";

type Params = { site: string; rack: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { rack } = await params;
  return { title: `Rack ${rack}` };
}

export default async function RackElevationPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  await requirePagePrincipal();
  const [{ site, rack: rackName }, query] = await Promise.all([params, searchParams]);
  const rack = await getRackElevation(site, rackName);
  if (!rack) notFound();
  const highlight = flattenSearchParams(query).highlight ?? null;
  const isHighlightHere = highlight !== null && rack.servers.some((s) => s.hostname === highlight);

  return (
    <>
      <PageHeader
        eyebrow={`Infrastructure · ${rack.site}`}
        title={`Rack ${rack.name}`}
        description="Front view, U1 at the bottom. Each server is drawn in the units it fills; click one to open it."
        actions={
          <>
            <ButtonLink href="/racks" variant="ghost">
              All racks
            </ButtonLink>
            <ButtonLink href={hrefWith("/fleet", { site: rack.site, rack: rack.name })}>In the fleet list</ButtonLink>
          </>
        }
      />
      {highlight !== null && !isHighlightHere && (
        <div className="mb-4">
          <Notice tone="warn" title={`${highlight} is not in this rack`}>
            Nothing is highlighted. The server may have been moved or removed.
          </Notice>
        </div>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-[auto_minmax(0,1fr)]">
        <Card className="flex justify-center">
          <RackElevationDrawing rack={rack} colourBy="status" highlight={isHighlightHere ? highlight : null} />
        </Card>
        <div className="grid gap-4">
          <div className="grid gap-4 xl:grid-cols-2">
            <Card title="Rack">
              <RackFacts rack={rack} />
            </Card>
            <Card title="Legend">
              <ElevationLegend colourBy="status" />
            </Card>
          </div>
          <Card title="Mounted servers" description="Top of the rack first, as in the drawing." isFlush>
            <RackServersTable servers={rack.servers} />
          </Card>
        </div>
      </div>
    </>
  );
}
