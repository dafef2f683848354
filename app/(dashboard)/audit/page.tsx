import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { listAuditEvents } from "@/lib/audit/events";
import { listAuditActions } from "@/lib/audit/facets";
import { objectHref } from "@/lib/audit/object-links";
import { AuditQuery, type AuditEventOut } from "@/lib/audit/schemas";
import { pagePrincipalWith } from "@/lib/auth/page-session";
import { completeInstant, flattenSearchParams, parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import type { Page } from "@/lib/pagination";
import { orExplanation, refusedListing } from "../_components/expected-errors";
import { AuditFilters } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";
import { ChainStatus } from "./_components/chain-status";
import { ExportLinks } from "./_components/export-links";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("metaTitle") };
}

const PAGE_SIZE = "50";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { allowed: mayVerify } = await pagePrincipalWith("audit.verify");
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
  const t = await getTranslations("audit");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={parsed.ok && <ExportLinks query={parsed.query} />}
      />
      {mayVerify && (
        <Card title={t("chainTitle")} className="mb-4">
          <ChainStatus />
        </Card>
      )}
      <AuditFilters values={typed} actions={actions} />
      {parsed.ok && parsed.query.object && <ObjectHeading object={parsed.query.object} />}
      {loaded.error !== null ? (
        <Notice tone="error" title={t("badFilters")}>
          {t.rich("adjustFilters", {
            error: loaded.error,
            stored: (chunks) => <span data-stored-text>{chunks}</span>,
            clear: (chunks) => (
              <Link href="/audit" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Notice>
      ) : (
        <Card isFlush>
          <AuditTable events={loaded.page.items} />
          <Pager
            summary={t("pagerSummary", { count: loaded.page.items.length })}
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

function ObjectHeading({ object }: { object: string }) {
  const href = objectHref(object);
  const t = useTranslations("audit");
  return (
    <p className="mb-3 text-sm text-slate-300" data-testid="object-history">
      {t.rich("objectHistory", {
        object,
        code: (chunks) => <code className="font-mono text-slate-100">{chunks}</code>,
      })}
      {href && (
        <>
          {" "}
          ·{" "}
          <Link href={href} className="text-emerald-300 hover:underline">
            {t("openPage")}
          </Link>
        </>
      )}
    </p>
  );
}
