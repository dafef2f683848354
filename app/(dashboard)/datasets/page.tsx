import type { Metadata } from "next";
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
export const metadata: Metadata = { title: "Datasets" };

const PAGE_SIZE = "50";

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePrincipal();
  const parsed = parsePageQuery(ListDatasetsQuery, { limit: PAGE_SIZE, ...(await searchParams) });
  const loaded = await (parsed.ok
    ? orExplanation(listDatasets(parsed.query))
    : refusedListing<Page<DatasetSummaryOut>>(parsed.message));
  const canUpload = can(principal.role, "datasets.write");

  return (
    <>
      <PageHeader
        eyebrow="Machine learning"
        title="Datasets"
        description="Tabular training data uploaded as CSV, cleaned on the way in and versioned: the same name again makes the next version, and each version keeps two hashes (of the bytes as uploaded, and of the cleaned data training reads) and its cleaning report."
      />
      <div className="space-y-4">
        {canUpload && (
          <Card
            title="Upload a CSV"
            description="Duplicates are removed, missing values counted and imputed, outliers flagged and the normalisation recorded; zeros that look like “not measured” are pointed out. Nothing is stored if the file has a problem."
          >
            <DatasetUpload />
          </Card>
        )}
        {loaded.error !== null ? (
          <Notice tone="error" title="This page of datasets cannot be shown">
            {loaded.error}
          </Notice>
        ) : (
          <Card isFlush>
            <DatasetsTable datasets={loaded.page.items} canUpload={canUpload} />
            <Pager
              summary={`${loaded.page.items.length} dataset${loaded.page.items.length === 1 ? "" : "s"} on this page`}
              firstHref={parsed.values.cursor ? "/datasets" : null}
              nextHref={loaded.page.nextCursor ? hrefWith("/datasets", { cursor: loaded.page.nextCursor }) : null}
            />
          </Card>
        )}
      </div>
    </>
  );
}
