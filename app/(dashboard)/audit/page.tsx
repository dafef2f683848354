import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { listAuditEvents } from "@/lib/audit/events";
import { listAuditActions } from "@/lib/audit/facets";
import { AuditQuery, type AuditEventOut } from "@/lib/audit/schemas";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { completeInstant, flattenSearchParams, parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import type { Page } from "@/lib/pagination";
import { orExplanation, refusedListing } from "../_components/expected-errors";
import { AuditFilters } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

const PAGE_SIZE = "50";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePrincipal();
  const typed = flattenSearchParams(await searchParams);
  const parsed = parsePageQuery(AuditQuery, {
    limit: PAGE_SIZE,
    ...typed,
    from: completeInstant(typed.from),
    to: completeInstant(typed.to),
  });
  const [actions, loaded] = await Promise.all([
    listAuditActions(),
    parsed.ok ? orExplanation(listAuditEvents(parsed.query)) : refusedListing<Page<AuditEventOut>>(parsed.message),
  ]);
  // The form shows what was typed, not the completed instants.
  const { cursor, ...filters } = typed;

  return (
    <>
      <PageHeader
        eyebrow="Governance"
        title="Audit log"
        description="Every sign-in and every change, newest first. The log is append-only: the database rejects edits and deletions."
      />
      <AuditFilters values={typed} actions={actions} />
      {loaded.error !== null ? (
        <Notice tone="error" title="These filters cannot be applied">
          {loaded.error}. Adjust them above or{" "}
          <Link href="/audit" className="underline">
            clear all filters
          </Link>
          .
        </Notice>
      ) : (
        <Card isFlush>
          <AuditTable events={loaded.page.items} />
          <Pager
            summary={`${loaded.page.items.length} event${loaded.page.items.length === 1 ? "" : "s"} on this page`}
            firstHref={cursor ? hrefWith("/audit", filters) : null}
            nextHref={
              loaded.page.nextCursor ? hrefWith("/audit", { ...filters, cursor: loaded.page.nextCursor }) : null
            }
          />
        </Card>
      )}
    </>
  );
}
