import { useTranslations } from "next-intl";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { VerdictDetails } from "@/components/ui/verdict-details";
import type { JobOut } from "@/lib/jobs/schemas";

/**
 * The verdict on the job's model: the badge, a one-line summary, each check in
 * words with its numbers, and what to try. Before the job succeeds there is
 * nothing to judge, and the panel says when there will be.
 */
export function VerdictPanel({ job }: { job: JobOut }) {
  const t = useTranslations("jobs.verdict");
  const { verdict } = job;
  if (verdict) return <VerdictDetails verdict={verdict} />;
  const why =
    job.status === "succeeded"
      ? t("notJudged")
      : job.status === "failed" || job.status === "cancelled"
        ? t(`noVerdict.${job.status}`)
        : t("pending");
  return (
    <div className="flex items-start gap-3" data-testid="verdict">
      <VerdictBadge verdict={null} status={job.status} />
      <p className="text-sm text-slate-400">{why}</p>
    </div>
  );
}
