import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { UtcTime } from "@/components/ui/utc-time";
import type { NodeFaultOut } from "@/lib/faults/outputs";
import { FaultActions } from "./fault-actions";

const tone: Record<string, BadgeTone> = {
  quarantined: "bad",
  draining: "warn",
  drained: "warn",
  remediating: "info",
  rma: "accent",
};

/** Where the node is in the GPU fault workflow, what the XID catalog recommends, the steps taken and the next ones. */
export function FaultPanel({ fault, canWrite }: { fault: NodeFaultOut; canWrite: boolean }) {
  const t = useTranslations("servers.fault");
  const tf = useTranslations("common.faultState");
  const state = fault.state ?? "in service";
  const stateWords = (s: string | null) => (s ? (tf.has(s) ? tf(s) : s) : tf("inService"));
  return (
    <Card title={t("title")} description={t("description")} className="mt-4">
      <div className="space-y-3 text-[13px]" data-testid="fault-panel">
        <p>
          <span data-testid="fault-state">
            <Badge tone={tone[state] ?? "good"} hasDot>
              {stateWords(fault.state)}
            </Badge>
          </span>
          {fault.since && (
            <span className="ml-2 text-slate-400">
              {t.rich("since", { time: () => <UtcTime iso={fault.since} /> })}
            </span>
          )}
          {fault.runningJobs > 0 && (
            <span className="ml-2 text-slate-400">{t("runningJobs", { count: fault.runningJobs })}</span>
          )}
        </p>
        {fault.reason && (
          <p className="text-slate-300" data-stored-text>
            {fault.reason}
          </p>
        )}
        {fault.recommended && (
          <p className="text-slate-300" data-testid="fault-recommendation">
            {t.rich("recommendation", {
              xid: fault.recommended.xid,
              name: fault.recommended.name,
              gpu: fault.recommended.gpu,
              words: fault.recommended.words,
              strong: (chunks) => <strong data-stored-text>{chunks}</strong>,
            })}
          </p>
        )}
        {canWrite && fault.actions.length > 0 && <FaultActions hostname={fault.hostname} actions={fault.actions} />}
        {fault.events.length > 0 && (
          <ol className="space-y-1 border-t border-slate-800 pt-2 text-xs text-slate-400" data-testid="fault-events">
            {fault.events.slice(0, 12).map((e, i) => (
              <li key={i}>
                <UtcTime iso={e.at} /> · {stateWords(e.from)} → {stateWords(e.to)} · {e.actor}:{" "}
                <span data-stored-text>{e.note}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
