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
  const state = fault.state ?? "in service";
  return (
    <Card
      title="Fault workflow"
      description="quarantined → draining → drained → remediating → back in service (or RMA). Nothing is placed on a node while it is in the workflow."
      className="mt-4"
    >
      <div className="space-y-3 text-[13px]" data-testid="fault-panel">
        <p>
          <span data-testid="fault-state">
            <Badge tone={tone[state] ?? "good"} hasDot>
              {state}
            </Badge>
          </span>
          {fault.since && (
            <span className="ml-2 text-slate-400">
              since <UtcTime iso={fault.since} />
            </span>
          )}
          {fault.runningJobs > 0 && (
            <span className="ml-2 text-slate-400">
              {fault.runningJobs} job{fault.runningJobs === 1 ? "" : "s"} hold its GPUs
            </span>
          )}
        </p>
        {fault.reason && <p className="text-slate-300">{fault.reason}</p>}
        {fault.recommended && (
          <p className="text-slate-300" data-testid="fault-recommendation">
            XID {fault.recommended.xid} ({fault.recommended.name}) on {fault.recommended.gpu}: the catalog says{" "}
            <strong>{fault.recommended.words}</strong>.
          </p>
        )}
        {canWrite && fault.actions.length > 0 && <FaultActions hostname={fault.hostname} actions={fault.actions} />}
        {fault.events.length > 0 && (
          <ol className="space-y-1 border-t border-slate-800 pt-2 text-xs text-slate-400" data-testid="fault-events">
            {fault.events.slice(0, 12).map((e, i) => (
              <li key={i}>
                <UtcTime iso={e.at} /> · {e.from ?? "in service"} → {e.to ?? "in service"} · {e.actor}: {e.note}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
