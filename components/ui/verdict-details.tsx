import type { Verdict } from "@/lib/training/schemas";
import { VerdictBadge } from "./verdict-badge";

/**
 * A verdict in full: the badge, its one-line summary, each check in words with
 * its numbers, and what to try. The Job page and the model registry's pages
 * show a run's verdict the same way.
 */
export function VerdictDetails({ verdict }: { verdict: Verdict }) {
  return (
    <div className="space-y-3" data-testid="verdict">
      <div className="flex items-start gap-3">
        <span className="shrink-0">
          <VerdictBadge verdict={verdict} status="succeeded" />
        </span>
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
