import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.nav"))("models") };
}

const PAGE_SIZE = "50";

export default async function ModelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePrincipal();
  const parsed = parsePageQuery(ListModelsQuery, { limit: PAGE_SIZE, ...(await searchParams) });
  const loaded = await (parsed.ok
    ? orExplanation(listModels(parsed.query))
    : refusedListing<Page<ModelSummaryOut>>(parsed.message));
  const { q, cursor } = parsed.values;
  const t = await getTranslations("models.list");

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <ModelSearch query={q} />
      {loaded.error !== null ? (
        <Notice tone="error" title={t("cannotShow")}>
          {/* The API's reason (a cursor or filter it refused) is its own English sentence. */}
          <span data-stored-text>{loaded.error}</span>.{" "}
          <Link href="/models" className="underline">
            {t("firstPage")}
          </Link>
          .
        </Notice>
      ) : (
        <Card isFlush>
          <ModelsTable models={loaded.page.items} query={q} />
          <Pager
            summary={t("onPage", { count: loaded.page.items.length })}
            firstHref={cursor ? hrefWith("/models", { q }) : null}
            nextHref={loaded.page.nextCursor ? hrefWith("/models", { q, cursor: loaded.page.nextCursor }) : null}
          />
        </Card>
      )}
    </>
  );
}
