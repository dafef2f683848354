import { Badge } from "@/components/ui/badge";
import { driftReading, type DriftSummary } from "./deployment-format";

/** Running or stopped, in words. */
export function DeploymentStatusBadge({ status }: { status: "active" | "stopped" }) {
  return (
    <span data-testid="deployment-status">
      <Badge tone={status === "active" ? "good" : "neutral"} hasDot>
        {status === "active" ? "active" : "stopped"}
      </Badge>
    </span>
  );
}

/** The overall drift flag: a word first ("drifting", "no drift", "not known"), the colour only repeats it. */
export function DriftBadge({ drift, isCompact = false }: { drift: DriftSummary; isCompact?: boolean }) {
  const reading = driftReading(drift);
  const word = !reading.isKnown ? "not known" : reading.isDrifting ? "drifting" : "no drift";
  const tone = !reading.isKnown ? "neutral" : reading.isDrifting ? "bad" : "good";
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1.5"
      data-testid="drift-flag"
      data-drifting={reading.isDrifting}
    >
      <Badge tone={tone} hasDot>
        {word}
      </Badge>
      <span className={`text-[12px] ${isCompact ? "text-slate-500" : "text-slate-300"}`}>
        {reading.text.replace(/^(drifting|no overall drift|not known): /, "")}
      </span>
    </span>
  );
}
