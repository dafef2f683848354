import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
export const metadata: Metadata = { title: "Job" };

async function loadJob(id: string) {
  if (!JobIdParam.safeParse({ id }).success) notFound();
  return orNotFound(getJob(id));
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal();
  const { id } = await params;
  const job = await loadJob(id);
  const logs = await listJobLogs(id);

  return (
    <>
      <PageHeader
        eyebrow="Jobs"
        title={`${job.type === "train" ? "Training" : "Evaluation"} job ${job.id.slice(0, 8)}`}
        description={
          <>
            {job.modelName ? `${job.modelName} · ` : ""}dataset <span className="font-mono">{job.dataset}</span> · team{" "}
            <span className="font-mono">{job.team}</span> · priority {job.priority} · by {job.createdBy}
            {job.scheduleId && (
              <>
                {" · "}
                <Link href="/jobs/schedules" className="underline">
                  scheduled
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
        <Card title="Spec" description="As stored: template applied, dataset resolved to a version.">
          <ScrollArea
            as="pre"
            label="Job spec"
            className="max-h-72 overflow-auto font-mono text-[11px] leading-4 text-slate-300"
          >
            {JSON.stringify(job.spec, null, 2)}
          </ScrollArea>
        </Card>
      </div>
    </>
  );
}
