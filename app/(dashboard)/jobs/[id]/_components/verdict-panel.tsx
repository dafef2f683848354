import type { JobOut } from "@/lib/jobs/schemas";
import { VerdictBadge } from "../../_components/verdict-badge";

/**
 * The verdict on the job's model: the badge, a one-line summary, each check in
 * words with its numbers, and what to try. Before the job succeeds there is
 * nothing to judge, and the panel says when there will be.
 */
export function VerdictPanel({ job }: { job: JobOut }) {
  const { verdict } = job;
  if (!verdict) {
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
  return (
    <div className="space-y-3" data-testid="verdict">
      <div className="flex items-start gap-3">
        <VerdictBadge verdict={verdict} status={job.status} />
        <p className="text-sm font-medium text-slate-100" data-testid="verdict-summary">
          {verdict.summary}
        </p>
      </div>
      <ul
        className="list-disc space-y-1 pl-5 text-[13px] text-slate-300"
        aria-label="Evidence"
        data-testid="verdict-evidence"
      >
        {verdict.evidence.statements.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {verdict.suggestion && (
        <p className="text-[13px] text-slate-300" data-testid="verdict-suggestion">
          <span className="font-medium text-slate-100">Try: </span>
          {verdict.suggestion}
        </p>
      )}
    </div>
  );
}
