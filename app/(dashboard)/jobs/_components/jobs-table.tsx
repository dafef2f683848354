import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCodedString } from "@/components/ui/coded-text";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { verbatim } from "@/components/ui/verbatim";
import { formatMiB } from "@/lib/format";
import { asLocale, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { JobSummaryOut } from "@/lib/jobs/schemas";
import { JobStatusBadge } from "./job-status-badge";
import { ProgressBar } from "./progress-bar";
import { VerdictBadge } from "@/components/ui/verdict-badge";

function request(j: JobSummaryOut, t: Translate, locale: Locale): string {
  const parts = [
    t("gpus", { count: j.request.gpus }),
    j.request.gpuModel,
    j.request.minMemoryMiB ? t("minMemory", { memory: formatMiB(j.request.minMemoryMiB, locale) }) : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

/** What an empty list says: with filters, that none matches; without, that there are none yet and how to start one. */
function EmptyText({ isFiltered, canSubmit }: { isFiltered: boolean; canSubmit: boolean }) {
  const t = useTranslations("jobs.table");
  if (isFiltered) return <>{t("emptyFiltered")}</>;
  const values = { call: "POST /api/v1/jobs", code: verbatim };
  return <>{canSubmit ? t.rich("emptyCanSubmit", values) : t.rich("empty", values)}</>;
}

export function JobsTable({
  jobs,
  isFiltered = true,
  canSubmit = false,
}: {
  jobs: JobSummaryOut[];
  isFiltered?: boolean;
  canSubmit?: boolean;
}) {
  const t = useTranslations("jobs.table");
  const tj = useTranslations("jobs");
  const locale = asLocale(useLocale());
  return (
    <Table label={t("label")}>
      <THead>
        <Th>{t("job")}</Th>
        <Th>{t("status")}</Th>
        <Th>{t("verdict")}</Th>
        <Th>{t("priority")}</Th>
        <Th>{t("team")}</Th>
        <Th>{t("dataset")}</Th>
        <Th>{t("request")}</Th>
        <Th>{t("progress")}</Th>
        <Th>{t("note")}</Th>
        <Th>{t("submitted")}</Th>
      </THead>
      <TBody>
        {jobs.length === 0 && (
          <EmptyRow colSpan={10}>
            <EmptyText isFiltered={isFiltered} canSubmit={canSubmit} />
          </EmptyRow>
        )}
        {jobs.map((j) => (
          <Tr key={j.id} testId="job-row">
            <Td isMono>
              <Link href={`/jobs/${j.id}`} className="text-sky-300 hover:underline">
                {j.id.slice(0, 8)}
              </Link>
              <span className="ml-2 text-slate-500">
                {j.type === "train" ? (j.modelName ?? tj("type.train")) : tj("type.evaluate")}
              </span>
            </Td>
            <Td>
              <JobStatusBadge status={j.status} />
            </Td>
            <Td>
              <VerdictBadge verdict={j.verdict} status={j.status} />
            </Td>
            <Td isMuted>{tj(`priority.${j.priority}`)}</Td>
            <Td isMono>{j.team}</Td>
            <Td isMono isMuted>
              {j.dataset}
            </Td>
            <Td isMuted>{request(j, t, locale)}</Td>
            <Td>
              <ProgressBar
                epoch={j.progress.epoch}
                epochs={j.progress.epochs}
                isCompact
                label={t("progressOf", { id: j.id.slice(0, 8) })}
              />
            </Td>
            <Td isMuted className="max-w-80 truncate">
              {/* A job's error is stored prose, in the words it was written in; the scheduler's waiting reason is a code. */}
              {j.error ? (
                <span title={j.error} data-stored-text>
                  {j.error}
                </span>
              ) : (
                <WaitingReason job={j} />
              )}
            </Td>
            <Td isMuted>
              <UtcTime iso={j.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Why a queued job waits, in the reader's language (stored English for reasons from before codes). */
function WaitingReason({ job }: { job: Pick<JobSummaryOut, "waitingReason" | "waitingReasonCode"> }) {
  const say = useCodedString();
  if (!job.waitingReason) return null;
  const reason = say(job.waitingReasonCode, job.waitingReason);
  return (
    <span title={reason.text} {...(reason.isStored ? { "data-stored-text": "" } : {})}>
      {reason.text}
    </span>
  );
}
