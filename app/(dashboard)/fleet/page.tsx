import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DownloadLink } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { flattenSearchParams, parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import type { Page } from "@/lib/pagination";
import { ListServersQuery, type ServerOut } from "@/lib/inventory/schemas";
import { listServers } from "@/lib/inventory/servers";
import { listSiteNames } from "@/lib/inventory/site-overview";
import { orExplanation, refusedListing } from "../_components/expected-errors";
import { FleetFilters } from "./_components/fleet-filters";
import { InventoryImport } from "./_components/inventory-import";
import { ServersTable } from "./_components/servers-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.nav"))("fleet") };
}

// The API's default page (100) is long for a screen; an explicit ?limit= still wins.
const PAGE_SIZE = "50";

export default async function FleetPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePrincipal();
  const typed = flattenSearchParams(await searchParams);
  const parsed = parsePageQuery(ListServersQuery, { limit: PAGE_SIZE, ...typed });
  const [sites, loaded] = await Promise.all([
    listSiteNames(),
    parsed.ok ? orExplanation(listServers(parsed.query)) : refusedListing<Page<ServerOut>>(parsed.message),
  ]);
  const { cursor, ...filters } = typed;
  const t = await getTranslations("fleet");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {/* The whole inventory, not this filtered page: the file is for round-tripping through Import. */}
            <DownloadLink href="/api/v1/inventory/export">{t("export")}</DownloadLink>
            {can(principal.role, "inventory.write") && <InventoryImport />}
          </>
        }
      />
      <FleetFilters values={typed} sites={sites} />
      {loaded.error !== null ? (
        <Notice tone="error" title={t("badFilters")}>
          <span data-stored-text>{loaded.error}</span>.{" "}
          {t.rich("adjustFilters", {
            clear: (chunks) => (
              <Link href="/fleet" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Notice>
      ) : (
        <Card isFlush>
          <ServersTable servers={loaded.page.items} />
          <Pager
            summary={t("onThisPage", { count: loaded.page.items.length })}
            firstHref={cursor ? hrefWith("/fleet", filters) : null}
            nextHref={
              loaded.page.nextCursor ? hrefWith("/fleet", { ...filters, cursor: loaded.page.nextCursor }) : null
            }
          />
        </Card>
      )}
    </>
  );
}
