import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/jobs/schemas";

const tone: Record<JobStatus, BadgeTone> = {
  queued: "neutral",
  placed: "info",
  running: "accent",
  succeeded: "good",
  failed: "bad",
  cancelled: "warn",
};

/** A job's lifecycle state; queued, placed and running carry a dot because they still change. */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = useTranslations("jobs.status");
  return (
    <Badge tone={tone[status]} hasDot={status === "running" || status === "placed" || status === "queued"}>
      <span data-testid="job-status" data-status={status}>
        {t(status)}
      </span>
    </Badge>
  );
}
