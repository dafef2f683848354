import type { Metadata } from "next";
import Link from "next/link";
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
export const metadata: Metadata = { title: "Fleet" };

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

  return (
    <>
      <PageHeader
        eyebrow="Infrastructure"
        title="Fleet"
        description="Every server in the inventory with its rack position and GPUs. Search matches hostname, model or serial."
        actions={
          <>
            {/* The whole inventory, not this filtered page: the file is for round-tripping through Import. */}
            <DownloadLink href="/api/v1/inventory/export">Export CSV</DownloadLink>
            {can(principal.role, "inventory.write") && <InventoryImport />}
          </>
        }
      />
      <FleetFilters values={typed} sites={sites} />
      {loaded.error !== null ? (
        <Notice tone="error" title="These filters cannot be applied">
          {loaded.error}. Adjust them above or{" "}
          <Link href="/fleet" className="underline">
            clear all filters
          </Link>
          .
        </Notice>
      ) : (
        <Card isFlush>
          <ServersTable servers={loaded.page.items} />
          <Pager
            summary={`${loaded.page.items.length} server${loaded.page.items.length === 1 ? "" : "s"} on this page`}
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
