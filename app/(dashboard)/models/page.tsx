import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import { listModels } from "@/lib/models/models";
import type { ModelSummaryOut } from "@/lib/models/outputs";
import { ListModelsQuery } from "@/lib/models/schemas";
import type { Page } from "@/lib/pagination";
import { orExplanation, refusedListing } from "../_components/expected-errors";
import { ModelSearch } from "./_components/model-search";
import { ModelsTable } from "./_components/models-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

const PAGE_SIZE = "50";

export default async function ModelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePrincipal();
  const parsed = parsePageQuery(ListModelsQuery, { limit: PAGE_SIZE, ...(await searchParams) });
  const loaded = await (parsed.ok
    ? orExplanation(listModels(parsed.query))
    : refusedListing<Page<ModelSummaryOut>>(parsed.message));
  const { q, cursor } = parsed.values;

  return (
    <>
      <PageHeader
        eyebrow="Machine learning"
        title="Models"
        description="The model registry: every version a training job produced (or that was registered from outside), with its lineage, figures, verdict and the energy its run used, and the aliases — production, staging — that point at one version each."
      />
      <ModelSearch query={q} />
      {loaded.error !== null ? (
        <Notice tone="error" title="This page of models cannot be shown">
          {loaded.error}.{" "}
          <Link href="/models" className="underline">
            Start from the first page
          </Link>
          .
        </Notice>
      ) : (
        <Card isFlush>
          <ModelsTable models={loaded.page.items} query={q} />
          <Pager
            summary={`${loaded.page.items.length} model${loaded.page.items.length === 1 ? "" : "s"} on this page`}
            firstHref={cursor ? hrefWith("/models", { q }) : null}
            nextHref={loaded.page.nextCursor ? hrefWith("/models", { q, cursor: loaded.page.nextCursor }) : null}
          />
        </Card>
      )}
    </>
  );
}
