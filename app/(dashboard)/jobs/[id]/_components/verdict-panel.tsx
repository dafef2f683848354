import { VerdictBadge } from "@/components/ui/verdict-badge";
import { VerdictDetails } from "@/components/ui/verdict-details";
import type { JobOut } from "@/lib/jobs/schemas";

/**
 * The verdict on the job's model: the badge, a one-line summary, each check in
 * words with its numbers, and what to try. Before the job succeeds there is
 * nothing to judge, and the panel says when there will be.
 */
export function VerdictPanel({ job }: { job: JobOut }) {
  const { verdict } = job;
  if (verdict) return <VerdictDetails verdict={verdict} />;
  const why =
    job.status === "succeeded"
      ? "Not judged: this job finished before Rackmind judged models (its figures below still stand, without a verdict)."
      : job.status === "failed" || job.status === "cancelled"
        ? `No verdict: the job ${job.status} before it produced a model to judge.`
        : "Judged when the job finishes: whether training converged, overfit, and beat a majority-class and a logistic-regression baseline on the same rows.";
  return (
    <div className="flex items-start gap-3" data-testid="verdict">
      <VerdictBadge verdict={null} status={job.status} />
      <p className="text-sm text-slate-400">{why}</p>
    </div>
  );
}
