import Link from "next/link";
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

const archivedModes = [
  { value: "exclude", label: "Not archived" },
  { value: "include", label: "All" },
  { value: "only", label: "Archived only" },
] as const;

const emptyText = {
  exclude: "No version that is not archived: see “All”.",
  include: "No versions.",
  only: "No version is archived.",
};

/** Links between archived modes (`?archived=`), keeping the sort; the current one marked. */
function ArchivedToggle({ name, query }: { name: string; query: ListVersionsQuery }) {
  return (
    <nav aria-label="Archived versions" className="flex items-center gap-1 text-[12px]">
      {archivedModes.map((m) => {
        const isCurrent = query.archived === m.value;
        return (
          <Link
            key={m.value}
            href={`${modelHref(name, { sort: query.sort, order: query.order, archived: m.value === "exclude" ? undefined : m.value })}#versions`}
            aria-current={isCurrent ? "true" : undefined}
            className={`rounded px-2 py-0.5 ${isCurrent ? "bg-emerald-500/15 text-emerald-200 ring-1 ring-inset ring-emerald-500/40" : "text-slate-400 hover:bg-slate-800 hover:text-slate-100"}`}
          >
            {m.label}
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
  const sortHref = (s: SortState) => `${modelHref(name, { sort: s.sort, order: s.order, archived })}#versions`;
  return (
    <Card
      title={<span id="versions">Versions</span>}
      description="Sort by a column header; tick 2 to 8 versions to compare them side by side."
      actions={<ArchivedToggle name={name} query={q} />}
      isFlush
    >
      {loaded.error !== null ? (
        <div className="p-4">
          <Notice tone="error" title="These versions cannot be listed">
            {loaded.error}.{" "}
            <Link href={modelHref(name)} className="underline">
              Show the default list
            </Link>
            .
          </Notice>
        </div>
      ) : (
        <>
          <VersionsTable versions={loaded.page.items} sort={q} sortHref={sortHref} emptyText={emptyText[q.archived]} />
          <form
            id={COMPARE_FORM_ID}
            method="get"
            action={`${modelHref(name)}/compare`}
            aria-label="Compare versions"
            className="flex items-center gap-3 border-t border-slate-800 px-3 py-2.5"
          >
            <Button type="submit" variant="primary">
              Compare selected
            </Button>
            <span className="text-xs text-slate-500">
              2 to 8 versions; figures are compared against the oldest ticked.
            </span>
          </form>
          <Pager
            summary={`${loaded.page.items.length} version${loaded.page.items.length === 1 ? "" : "s"} on this page`}
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
