import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/jobs/schemas";
import type { Verdict, VerdictKind } from "@/lib/training/schemas";

const view: Record<VerdictKind, { tone: BadgeTone; label: string }> = {
  good: { tone: "good", label: "good" },
  not_converged: { tone: "bad", label: "not converged" },
  overfitting: { tone: "warn", label: "overfitting" },
  worse_than_baseline: { tone: "bad", label: "worse than baseline" },
};

/**
 * Whether a finished job's model is any good, in words and colour (never
 * colour alone). A succeeded job without a verdict finished before Rackmind
 * judged runs: "not judged". Jobs that did not succeed have none: "—".
 */
export function VerdictBadge({
  verdict,
  status,
}: {
  verdict: Pick<Verdict, "kind" | "summary"> | null;
  status: JobStatus;
}) {
  if (!verdict) {
    if (status !== "succeeded")
      return (
        <span className="text-slate-500" data-testid="job-verdict" aria-label="no verdict">
          —
        </span>
      );
    return (
      <Badge tone="neutral">
        <span data-testid="job-verdict" title="This job finished before Rackmind judged its model.">
          not judged
        </span>
      </Badge>
    );
  }
  const { tone, label } = view[verdict.kind];
  return (
    <Badge tone={tone} hasDot={verdict.kind !== "good"}>
      <span data-testid="job-verdict" data-kind={verdict.kind} title={verdict.summary}>
        {label}
      </span>
    </Badge>
  );
}
