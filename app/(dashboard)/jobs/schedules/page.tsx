import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
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
import type { Translate } from "@/lib/i18n/translate";
import type { ScheduleOut } from "@/lib/jobs/schemas";
import { ScheduleActions } from "./_components/schedule-actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs.schedulesPage"))("title") };
}

function describeSpec(spec: Record<string, unknown>, t: Translate): string {
  const parts = [
    spec.template ? t("specTemplate", { template: String(spec.template) }) : null,
    spec.dataset ? t("specDataset", { dataset: String(spec.dataset) }) : null,
    spec.gpus ? t("specGpus", { count: Number(spec.gpus) }) : null,
  ];
  return parts.filter(Boolean).join(" · ") || t("specTrain");
}

function SchedulesTable({ schedules, canWrite }: { schedules: ScheduleOut[]; canWrite: boolean }) {
  const t = useTranslations("jobs.schedulesPage");
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("cron")}</Th>
        <Th>{t("timezone")}</Th>
        <Th>{t("state")}</Th>
        <Th>{t("nextRuns")}</Th>
        <Th>{t("lastRun")}</Th>
        <Th>{t("job")}</Th>
        <Th isNumeric>{t("jobs")}</Th>
        {canWrite && (
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        )}
      </THead>
      <TBody>
        {schedules.length === 0 && <EmptyRow colSpan={canWrite ? 8 : 7}>{t("empty", { cron: "cron" })}</EmptyRow>}
        {schedules.map((s) => (
          <Tr key={s.id} testId="schedule-row">
            <Td isMono>{s.cron}</Td>
            <Td isMono isMuted>
              {s.timezone}
            </Td>
            <Td>
              {s.enabled ? (
                <Badge tone="good" hasDot>
                  {t("active")}
                </Badge>
              ) : (
                <Badge tone="neutral">{t("paused")}</Badge>
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
              <UtcTime iso={s.lastRunAt} fallback={t("never")} />
            </Td>
            <Td isMuted>{t("withTeam", { spec: describeSpec(s.spec, t), team: s.team })}</Td>
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
  const t = await getTranslations("jobs.schedulesPage");
  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={<ButtonLink href="/jobs">{t("allJobs")}</ButtonLink>}
      />
      <Card isFlush>
        <SchedulesTable schedules={page.items} canWrite={can(principal.role, "jobs.write")} />
        <Pager
          summary={t("count", { count: page.items.length })}
          firstHref={parsed.values.cursor ? "/jobs/schedules" : null}
          nextHref={page.nextCursor ? hrefWith("/jobs/schedules", { cursor: page.nextCursor }) : null}
        />
      </Card>
    </>
  );
}
