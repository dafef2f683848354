import { UtcTime } from "@/components/ui/utc-time";
import type { LastChange } from "@/lib/audit/last-change";

/** "Last changed … by …" from the audit log, or what holds when nothing was ever changed. */
export function LastChanged({
  change,
  never = "Never changed: the defaults apply.",
}: {
  change: LastChange | null;
  never?: string;
}) {
  if (!change) return <p className="text-xs text-slate-500">{never}</p>;
  return (
    <p className="text-xs text-slate-400" data-testid="last-changed">
      Last changed <UtcTime iso={change.at} /> by <span className="font-mono text-slate-300">{change.actor}</span> (
      <span className="font-mono">{change.action}</span>).
    </p>
  );
}
