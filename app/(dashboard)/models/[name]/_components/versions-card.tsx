import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/form-controls";
import { modelHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import { Pager } from "@/components/ui/pager";
import type { PageQueryResult } from "@/lib/http/page-query";
import type { ListVersionsQuery } from "@/lib/models/schemas";
import { listVersions } from "@/lib/models/versions";
import type { ModelVersionSummaryOut } from "@/lib/models/outputs";
import type { Page } from "@/lib/pagination";
import { orExplanation, refusedListing } from "../../../_components/expected-errors";
import type { SortState } from "./sort-header";
import { COMPARE_FORM_ID, VersionsTable } from "./versions-table";

const archivedModes = ["exclude", "include", "only"] as const;

/** Links between archived modes (`?archived=`), keeping the sort; the current one marked. */
function ArchivedToggle({ name, query }: { name: string; query: ListVersionsQuery }) {
  const t = useTranslations("models.versions");
  return (
    <nav aria-label={t("archivedNav")} className="flex items-center gap-1 text-[12px]">
      {archivedModes.map((m) => {
        const isCurrent = query.archived === m;
        return (
          <Link
            key={m}
            href={`${modelHref(name, { sort: query.sort, order: query.order, archived: m === "exclude" ? undefined : m })}#versions`}
            aria-current={isCurrent ? "true" : undefined}
            className={`rounded px-2 py-0.5 ${isCurrent ? "bg-emerald-500/15 text-emerald-200 ring-1 ring-inset ring-emerald-500/40" : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"}`}
          >
            {t(`modes.${m}`)}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The versions table with its sort, archived toggle, paging and the compare
 * form whose checkboxes sit in the rows. Compare needs no script: the form
 * GETs the compare page with `?v=3&v=4`, which answers with its canonical URL.
 */
export async function VersionsCard({ name, query }: { name: string; query: PageQueryResult<ListVersionsQuery> }) {
  const loaded = await (query.ok
    ? orExplanation(listVersions(name, query.query))
    : refusedListing<Page<ModelVersionSummaryOut>>(query.message));
  const q: ListVersionsQuery = query.ok
    ? query.query
    : { limit: 50, sort: "version", order: "desc", archived: "exclude" };
  const keep = { sort: q.sort === "version" ? undefined : q.sort, order: q.order === "desc" ? undefined : q.order };
  const archived = q.archived === "exclude" ? undefined : q.archived;
  const t = await getTranslations("models.versions");
  const sortHref = (s: SortState) => `${modelHref(name, { sort: s.sort, order: s.order, archived })}#versions`;
  return (
    <Card
      title={<span id="versions">{t("title")}</span>}
      description={t("description")}
      actions={<ArchivedToggle name={name} query={q} />}
      isFlush
    >
      {loaded.error !== null ? (
        <div className="p-4">
          <Notice tone="error" title={t("cannotList")}>
            <span data-stored-text>{loaded.error}</span>.{" "}
            <Link href={modelHref(name)} className="underline">
              {t("defaultList")}
            </Link>
            .
          </Notice>
        </div>
      ) : (
        <>
          <VersionsTable
            versions={loaded.page.items}
            sort={q}
            sortHref={sortHref}
            emptyText={t(`empty.${q.archived}`)}
          />
          <form
            id={COMPARE_FORM_ID}
            method="get"
            action={`${modelHref(name)}/compare`}
            aria-label={t("compareForm")}
            className="flex items-center gap-3 border-t border-slate-800 px-3 py-2.5"
          >
            <Button type="submit" variant="primary">
              {t("compareSelected")}
            </Button>
            <span className="text-xs text-slate-500">{t("compareHint")}</span>
          </form>
          <Pager
            summary={t("onPage", { count: loaded.page.items.length })}
            firstHref={query.values.cursor ? `${modelHref(name, { ...keep, archived })}#versions` : null}
            nextHref={
              loaded.page.nextCursor
                ? `${modelHref(name, { ...keep, archived, cursor: loaded.page.nextCursor })}#versions`
                : null
            }
          />
        </>
      )}
    </Card>
  );
}
