import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listDatasets } from "@/lib/datasets/datasets";
import type { DatasetSummaryOut } from "@/lib/datasets/dataset-views";
import { ListDatasetsQuery } from "@/lib/datasets/schemas";
import { parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import type { Page } from "@/lib/pagination";
import { orExplanation, refusedListing } from "../_components/expected-errors";
import { DatasetsTable } from "./_components/datasets-table";
import { DatasetUpload } from "./_components/dataset-upload";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.nav"))("datasets") };
}

const PAGE_SIZE = "50";

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePrincipal();
  const parsed = parsePageQuery(ListDatasetsQuery, { limit: PAGE_SIZE, ...(await searchParams) });
  const loaded = await (parsed.ok
    ? orExplanation(listDatasets(parsed.query))
    : refusedListing<Page<DatasetSummaryOut>>(parsed.message));
  const canUpload = can(principal.role, "datasets.write");
  const t = await getTranslations("datasets");

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <div className="space-y-4">
        {canUpload && (
          <Card title={t("uploadTitle")} description={t("uploadDescription")}>
            <DatasetUpload />
          </Card>
        )}
        {loaded.error !== null ? (
          <Notice tone="error" title={t("cannotShow")}>
            <span data-stored-text>{loaded.error}</span>
          </Notice>
        ) : (
          <Card isFlush>
            <DatasetsTable datasets={loaded.page.items} canUpload={canUpload} />
            <Pager
              summary={t("onThisPage", { count: loaded.page.items.length })}
              firstHref={parsed.values.cursor ? "/datasets" : null}
              nextHref={loaded.page.nextCursor ? hrefWith("/datasets", { cursor: loaded.page.nextCursor }) : null}
            />
          </Card>
        )}
      </div>
    </>
  );
}
