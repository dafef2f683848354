import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { hrefWith, Pager } from "@/components/ui/pager";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { can } from "@/lib/auth/permissions";
import { parsePageQuery, type SearchParams } from "@/lib/http/page-query";
import { PageQuery } from "@/lib/pagination";
import { listSchedules } from "@/lib/jobs/schedules/schedules";
import type { ScheduleOut } from "@/lib/jobs/schemas";
import { ScheduleActions } from "./_components/schedule-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedules" };

function describeSpec(spec: Record<string, unknown>): string {
  const parts = [
    spec.template ? `template ${String(spec.template)}` : null,
    spec.dataset ? `dataset ${String(spec.dataset)}` : null,
    spec.gpus ? `${String(spec.gpus)} GPU(s)` : null,
  ];
  return parts.filter(Boolean).join(" · ") || "train";
}

function SchedulesTable({ schedules, canWrite }: { schedules: ScheduleOut[]; canWrite: boolean }) {
  return (
    <Table label="Schedules">
      <THead>
        <Th>Cron</Th>
        <Th>Time zone</Th>
        <Th>State</Th>
        <Th>Next runs (UTC)</Th>
        <Th>Last run</Th>
        <Th>Job</Th>
        <Th isNumeric>Jobs</Th>
        {canWrite && (
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </THead>
      <TBody>
        {schedules.length === 0 && (
          <EmptyRow colSpan={canWrite ? 8 : 7}>
            No schedules. Submit a job with &ldquo;Repeat (cron)&rdquo; set to create one.
          </EmptyRow>
        )}
        {schedules.map((s) => (
          <Tr key={s.id} testId="schedule-row">
            <Td isMono>{s.cron}</Td>
            <Td isMono isMuted>
              {s.timezone}
            </Td>
            <Td>
              {s.enabled ? (
                <Badge tone="good" hasDot>
                  active
                </Badge>
              ) : (
                <Badge tone="neutral">paused</Badge>
              )}
            </Td>
            <Td>
              <ul className="space-y-0.5">
                {s.upcoming.map((at) => (
                  <li key={at}>
                    <UtcTime iso={at} />
                  </li>
                ))}
                {s.upcoming.length === 0 && <li className="text-slate-500">—</li>}
              </ul>
            </Td>
            <Td isMuted>
              <UtcTime iso={s.lastRunAt} fallback="never" />
            </Td>
            <Td isMuted>
              {describeSpec(s.spec)} · team {s.team}
            </Td>
            <Td isNumeric>
              <Link href={hrefWith("/jobs", { schedule: s.id })} className="text-sky-300 hover:underline">
                {s.jobs}
              </Link>
            </Td>
            {canWrite && (
              <Td>
                <ScheduleActions id={s.id} isEnabled={s.enabled} />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export default async function SchedulesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await requirePagePrincipal();
  const parsed = parsePageQuery(PageQuery, { limit: "50", ...(await searchParams) });
  const page = await listSchedules(parsed.ok ? parsed.query : { limit: 50 });
  return (
    <>
      <PageHeader
        eyebrow="Jobs"
        title="Schedules"
        description="Recurring training jobs. At each cron time (in the schedule's time zone) one worker submits the job, exactly once however many workers run; times missed while no worker ran fire once."
        actions={<ButtonLink href="/jobs">All jobs</ButtonLink>}
      />
      <Card isFlush>
        <SchedulesTable schedules={page.items} canWrite={can(principal.role, "jobs.write")} />
        <Pager
          summary={`${page.items.length} schedule${page.items.length === 1 ? "" : "s"}`}
          firstHref={parsed.values.cursor ? "/jobs/schedules" : null}
          nextHref={page.nextCursor ? hrefWith("/jobs/schedules", { cursor: page.nextCursor }) : null}
        />
      </Card>
    </>
  );
}
