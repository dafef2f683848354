import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { versionTag } from "@/components/ui/model-figures";
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
  const t = useTranslations("models.promotions");
  // Actors ("user:alice") are names, not words of ours: marked as stored text for the language scan.
  const mono = (chunks: ReactNode) => (
    <span className="font-mono" data-stored-text>
      {chunks}
    </span>
  );
  if (promotions.length === 0) return <p className="text-sm text-slate-400">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-800/70">
      {promotions.map((p) => {
        const summary = `${p.alias} → v${p.version}`;
        return (
          <li key={p.id} className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid="promotion">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]">
              <Badge tone={statusTone[p.status]}>{t(`status.${p.status}`)}</Badge>
              <span className="font-mono text-slate-100">
                {p.alias} →{" "}
                <Link href={versionHref(name, p.version)} className="text-sky-300 hover:underline">
                  {versionTag(p.version)}
                </Link>
              </span>
              <span className="text-slate-400">
                {t.rich("requested", { actor: p.requestedBy, mono, at: () => <UtcTime iso={p.requestedAt} /> })}
              </span>
              {p.decidedBy && (
                <span className="text-slate-400">
                  {t.rich("decided", {
                    status: t(`status.${p.status}`),
                    actor: p.decidedBy,
                    mono,
                    at: () => <UtcTime iso={p.decidedAt} />,
                  })}
                  {p.decisionNote && (
                    <>
                      : “<span data-stored-text>{p.decisionNote}</span>”
                    </>
                  )}
                </span>
              )}
            </div>
            <p className="text-[13px] text-slate-300" data-stored-text>
              “{p.note}”
            </p>
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
