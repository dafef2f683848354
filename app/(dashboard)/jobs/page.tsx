import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listDatasets } from "@/lib/datasets/datasets";
import { parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import type { Page } from "@/lib/pagination";
import { listJobs, listJobTeams } from "@/lib/jobs/queries";
import { listQuotas } from "@/lib/jobs/placement/quotas";
import { ListJobsQuery, type JobSummaryOut } from "@/lib/jobs/schemas";
import { templates } from "@/lib/training/templates";
import { orExplanation, refusedListing } from "../_components/expected-errors";
import { JobFilters } from "./_components/job-filters";
import { JobsTable } from "./_components/jobs-table";
import { NewJobForm, type TemplateChoice } from "./_components/new-job-form";
import { QuotasCard } from "./_components/quotas-card";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.nav"))("jobs") };
}

const PAGE_SIZE = "50";

// Plain data for the form island (templates carry their training data too).
// The name and description are the code's English; the form shows the
// catalogue's (jobs.templates.<id>) where it has them.
const templateChoices: TemplateChoice[] = templates.map((t) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  epochs: t.spec.epochs,
  optimizer: t.spec.optimizer,
}));

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePrincipal();
  const parsed = parsePageQuery(ListJobsQuery, { limit: PAGE_SIZE, ...(await searchParams) });
  const canSubmit = can(principal.role, "jobs.write");
  const [loaded, teams, quotas, datasets] = await Promise.all([
    parsed.ok ? orExplanation(listJobs(parsed.query)) : refusedListing<Page<JobSummaryOut>>(parsed.message),
    listJobTeams(),
    listQuotas(),
    canSubmit ? listDatasets({ limit: 200 }) : Promise.resolve(null),
  ]);
  const { cursor, limit: _limit, ...filters } = parsed.values;
  const t = await getTranslations("jobs");

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={<ButtonLink href="/jobs/schedules">{t("schedules")}</ButtonLink>}
      />
      <div className="space-y-4">
        {canSubmit && datasets && (
          <Card title={t("newJob")} description={t("newJobDescription")}>
            <NewJobForm templates={templateChoices} datasets={datasets.items.map((d) => d.name)} />
          </Card>
        )}
        <div>
          <JobFilters values={parsed.values} teams={teams} />
          {loaded.error !== null ? (
            <Notice tone="error" title={t("badFilters")}>
              {/* The refusal is the API's own message, in its words. */}
              <span data-stored-text>{loaded.error}</span>.{" "}
              {t.rich("adjustFilters", {
                clear: (chunks) => (
                  <Link href="/jobs" className="underline">
                    {chunks}
                  </Link>
                ),
              })}
            </Notice>
          ) : (
            <Card isFlush>
              <JobsTable
                jobs={loaded.page.items}
                isFiltered={Object.values(filters).some((v) => v !== undefined && v !== "")}
                canSubmit={canSubmit && datasets !== null}
              />
              <Pager
                summary={t("onThisPage", { count: loaded.page.items.length })}
                firstHref={cursor ? hrefWith("/jobs", filters) : null}
                nextHref={
                  loaded.page.nextCursor ? hrefWith("/jobs", { ...filters, cursor: loaded.page.nextCursor }) : null
                }
              />
            </Card>
          )}
        </div>
        <QuotasCard quotas={quotas} />
      </div>
    </>
  );
}
