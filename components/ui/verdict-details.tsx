import { useTranslations } from "next-intl";
import type { Verdict } from "@/lib/training/schemas";
import { CodedTextView } from "./coded-text";
import { VerdictBadge } from "./verdict-badge";

/**
 * A verdict in full: the badge, its one-line summary, each check in words with
 * its numbers, and what to try. The Job page and the model registry's pages
 * show a run's verdict the same way. The summary and suggestion are codes shown
 * in the reader's language; the evidence statements are still stored English
 * prose (written when the run was judged), marked as such.
 */
export function VerdictDetails({ verdict }: { verdict: Verdict }) {
  const t = useTranslations("verdicts");
  return (
    <div className="space-y-3" data-testid="verdict">
      <div className="flex items-start gap-3">
        <span className="shrink-0">
          <VerdictBadge verdict={verdict} status="succeeded" />
        </span>
        <p className="text-sm font-medium text-slate-100" data-testid="verdict-summary">
          <CodedTextView value={verdict.summaryCode} fallback={verdict.summary} />
        </p>
      </div>
      <ul
        className="list-disc space-y-1 pl-5 text-[13px] text-slate-300"
        aria-label={t("evidence")}
        data-testid="verdict-evidence"
      >
        {verdict.evidence.statements.map((s) => (
          <li key={s} data-stored-text>
            {s}
          </li>
        ))}
      </ul>
      {verdict.suggestion && (
        <p className="text-[13px] text-slate-300" data-testid="verdict-suggestion">
          <span className="font-medium text-slate-100">{t("try")} </span>
          <CodedTextView value={verdict.suggestionCode} fallback={verdict.suggestion} />
        </p>
      )}
    </div>
  );
}
