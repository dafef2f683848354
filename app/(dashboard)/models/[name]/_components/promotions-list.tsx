import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { versionHref } from "@/components/ui/model-links";
import { UtcTime } from "@/components/ui/utc-time";
import type { PromotionOut } from "@/lib/models/outputs";
import { PromotionActions } from "./promotion-actions";

const statusTone: Record<PromotionOut["status"], BadgeTone> = {
  pending: "warn",
  approved: "good",
  rejected: "bad",
  withdrawn: "neutral",
  superseded: "neutral",
};

/**
 * Promotion requests: moves of aliases that require a second admin. Pending
 * ones first, with what the reader may do about them; then the latest
 * decided ones, so a rejection and its reason stay in sight.
 */
export function PromotionsList({
  name,
  promotions,
  actor,
  canDecide,
}: {
  name: string;
  promotions: PromotionOut[];
  /** The reader as the API records actors ("user:alice"), to tell their own requests. */
  actor: string;
  canDecide: boolean;
}) {
  if (promotions.length === 0)
    return <p className="text-sm text-slate-400">No promotion has been requested for this model.</p>;
  return (
    <ul className="divide-y divide-slate-800/70">
      {promotions.map((p) => {
        const summary = `${p.alias} → v${p.version}`;
        return (
          <li key={p.id} className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid="promotion">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]">
              <Badge tone={statusTone[p.status]}>{p.status}</Badge>
              <span className="font-mono text-slate-100">
                {p.alias} →{" "}
                <Link href={versionHref(name, p.version)} className="text-sky-300 hover:underline">
                  v{p.version}
                </Link>
              </span>
              <span className="text-slate-400">
                requested by <span className="font-mono">{p.requestedBy}</span> at <UtcTime iso={p.requestedAt} />
              </span>
              {p.decidedBy && (
                <span className="text-slate-400">
                  · {p.status} by <span className="font-mono">{p.decidedBy}</span> at <UtcTime iso={p.decidedAt} />
                  {p.decisionNote && <>: “{p.decisionNote}”</>}
                </span>
              )}
            </div>
            <p className="text-[13px] text-slate-300">“{p.note}”</p>
            {p.status === "pending" && (
              <PromotionActions
                name={name}
                id={p.id}
                summary={summary}
                isRequester={p.requestedBy === actor}
                canDecide={canDecide}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
