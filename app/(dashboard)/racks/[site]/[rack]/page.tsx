import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { rackHref } from "@/components/ui/inventory-links";
import { hrefWith } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { flattenSearchParams, type SearchParams } from "@/lib/http/page-query";
import { getRackElevation } from "@/lib/inventory/rack-elevation";
import { getServerHeat } from "@/lib/telemetry/views/fleet-heat";
import { getTelemetrySettings } from "@/lib/telemetry/settings";
import { ColourByToggle } from "../../_components/colour-by-toggle";
import { colouringFor, isColourBy, powerScaleFor } from "../../_components/elevation-colourings";
import { ElevationLegend } from "../../_components/elevation-legend";
import { getElevationWords } from "../../_components/elevation-words";
import { RackElevationDrawing } from "../../_components/rack-elevation";
import { RackFacts } from "../../_components/rack-facts";
import { RackServersTable } from "../../_components/rack-servers-table";

export const dynamic = "force-dynamic";

type Params = { site: string; rack: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const [{ rack }, t] = await Promise.all([params, getTranslations("racks.rack")]);
  return { title: t("title", { rack }) };
}

export default async function RackElevationPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  await requirePagePrincipal();
  const [{ site, rack: rackName }, query] = await Promise.all([params, searchParams]);
  const rack = await getRackElevation(site, rackName);
  if (!rack) notFound();
  const values = flattenSearchParams(query);
  const highlight = values.highlight ?? null;
  const isHighlightHere = highlight !== null && rack.servers.some((s) => s.hostname === highlight);
  const colourBy = isColourBy(values.colour) ? values.colour : "status";
  // Read in every colouring: the slots carry the readings as data attributes and in their titles.
  const readings = await getServerHeat(rack.servers.map((s) => s.hostname));
  const clock = { nowMs: Date.now(), staleAfterMinutes: (await getTelemetrySettings()).staleAfterMinutes };
  const colouring = colouringFor(colourBy, powerScaleFor(rack), clock, await getElevationWords());
  const path = rackHref(rack.site, rack.name);
  const t = await getTranslations("racks.rack");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow", { site: rack.site })}
        title={t("title", { rack: rack.name })}
        description={t("description")}
        actions={
          <>
            <ButtonLink href="/racks" variant="ghost">
              {t("allRacks")}
            </ButtonLink>
            <ButtonLink href={hrefWith("/fleet", { site: rack.site, rack: rack.name })}>{t("inFleetList")}</ButtonLink>
          </>
        }
      />
      {values.colour !== undefined && !isColourBy(values.colour) && (
        <div className="mb-4">
          <Notice tone="warn" title={t("badColourTitle", { colour: values.colour })}>
            {t("badColour")}
          </Notice>
        </div>
      )}
      {highlight !== null && !isHighlightHere && (
        <div className="mb-4">
          <Notice tone="warn" title={t("notHereTitle", { hostname: highlight })}>
            {t("notHere")}
          </Notice>
        </div>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-[auto_minmax(0,1fr)]">
        <Card title={t("frontView")} actions={<ColourByToggle path={path} current={colourBy} highlight={highlight} />}>
          <div className="flex justify-center">
            <RackElevationDrawing
              rack={rack}
              colourBy={colourBy}
              readings={readings}
              clock={clock}
              highlight={isHighlightHere ? highlight : null}
            />
          </div>
        </Card>
        <div className="grid gap-4">
          <div className="grid gap-4 xl:grid-cols-2">
            <Card title={t("rackCard")}>
              <RackFacts rack={rack} />
            </Card>
            <Card title={t("legend")}>
              <ElevationLegend colouring={colouring} />
            </Card>
          </div>
          <Card title={t("mounted")} description={t("mountedDescription")} isFlush>
            <RackServersTable servers={rack.servers} readings={readings} clock={clock} />
          </Card>
        </div>
      </div>
    </>
  );
}
