import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { driftReading, type DriftSummary } from "./deployment-format";
import { useFormatWords } from "./format-words";

/** Running or stopped, in words. */
export function DeploymentStatusBadge({ status }: { status: "active" | "stopped" }) {
  const t = useTranslations("deployments.status");
  return (
    <span data-testid="deployment-status">
      <Badge tone={status === "active" ? "good" : "neutral"} hasDot>
        {t(status)}
      </Badge>
    </span>
  );
}

/** The overall drift flag: a word first ("drifting", "no drift", "not known"), the colour only repeats it. */
export function DriftBadge({ drift, isCompact = false }: { drift: DriftSummary; isCompact?: boolean }) {
  const words = useFormatWords();
  const reading = driftReading(drift, words);
  const tone = !reading.isKnown ? "neutral" : reading.isDrifting ? "bad" : "good";
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1.5"
      data-testid="drift-flag"
      data-drifting={reading.isDrifting}
    >
      <Badge tone={tone} hasDot>
        {words.t(`drift.${reading.word}`)}
      </Badge>
      <span
        className={`text-[12px] ${isCompact ? "text-slate-500" : "text-slate-300"}`}
        data-stored-text={reading.isStored || undefined}
      >
        {reading.detail}
      </span>
    </span>
  );
}
