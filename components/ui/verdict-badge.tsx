import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useCodedString } from "@/components/ui/coded-text";
import type { JobStatus } from "@/lib/jobs/schemas";
import type { Verdict, VerdictKind } from "@/lib/training/schemas";

const tones: Record<VerdictKind, BadgeTone> = {
  good: "good",
  not_converged: "bad",
  overfitting: "warn",
  worse_than_baseline: "bad",
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
  verdict: (Pick<Verdict, "kind" | "summary"> & Partial<Pick<Verdict, "summaryCode">>) | null;
  status: JobStatus;
}) {
  const t = useTranslations("verdicts");
  const codedString = useCodedString();
  if (!verdict) {
    if (status !== "succeeded")
      return (
        <span className="text-slate-500" data-testid="job-verdict" aria-label={t("none")}>
          —
        </span>
      );
    return (
      <Badge tone="neutral">
        <span data-testid="job-verdict" title={t("notJudgedTitle")}>
          {t("notJudged")}
        </span>
      </Badge>
    );
  }
  // The summary in the tooltip is in the reader's language; a verdict from before codes has stored English (marked so the language scan skips it).
  const summary = codedString(verdict.summaryCode, verdict.summary);
  return (
    <Badge tone={tones[verdict.kind]} hasDot={verdict.kind !== "good"}>
      <span
        data-testid="job-verdict"
        data-kind={verdict.kind}
        title={summary.text}
        {...(summary.isStored ? { "data-stored-text": "" } : {})}
      >
        {t(`kind.${verdict.kind}`)}
      </span>
    </Badge>
  );
}
