import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { listJobLogs } from "@/lib/jobs/logs";
import { getJob } from "@/lib/jobs/queries";
import { JobIdParam } from "@/lib/jobs/schemas";
import { orNotFound } from "../../_components/expected-errors";
import { JobLive } from "./_components/job-live";
import { ScrollArea } from "@/components/ui/scroll-area";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs.job"))("title") };
}

const mono = (chunks: React.ReactNode) => <span className="font-mono">{chunks}</span>;

async function loadJob(id: string) {
  if (!JobIdParam.safeParse({ id }).success) notFound();
  return orNotFound(getJob(id));
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal();
  const { id } = await params;
  const job = await loadJob(id);
  const logs = await listJobLogs(id);
  const [t, tj] = await Promise.all([getTranslations("jobs.job"), getTranslations("jobs")]);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t(`heading.${job.type}`, { id: job.id.slice(0, 8) })}
        description={
          <>
            {job.modelName ? `${job.modelName} · ` : ""}
            {t.rich("facts", {
              dataset: job.dataset,
              team: job.team,
              priority: tj(`priority.${job.priority}`),
              by: job.createdBy,
              mono,
            })}
            {job.scheduleId && (
              <>
                {" · "}
                <Link href="/jobs/schedules" className="underline">
                  {t("scheduled")}
                </Link>
              </>
            )}
          </>
        }
      />
      <div className="space-y-4">
        {/*
          Everything that changes (status, Cancel, timeline, verdict…) lives in the island, fed by the
          job's events, so the page reaches its final state without a reload. Keyed on status: the
          refresh after cancelling remounts it with the new state.
        */}
        <JobLive
          key={`${job.id}:${job.status}`}
          initial={job}
          initialLogs={logs.slice(-300)}
          canCancel={can(principal.role, "jobs.write")}
        />
        <Card title={t("spec")} description={t("specDescription")}>
          {/* The spec is the stored JSON, keys and values as the API takes them. */}
          <ScrollArea
            as="pre"
            label={t("specLabel")}
            className="max-h-72 overflow-auto font-mono text-[11px] leading-4 text-slate-300"
          >
            <span translate="no">{JSON.stringify(job.spec, null, 2)}</span>
          </ScrollArea>
        </Card>
      </div>
    </>
  );
}
