import { useTranslations } from "next-intl";
import { UtcTime } from "@/components/ui/utc-time";
import type { JobOut } from "@/lib/jobs/schemas";

/** Submitted, placed, started, finished: filled in live from the job's events; "—" for what has not happened (yet). */
export function JobTimeline({
  job,
}: {
  job: Pick<JobOut, "createdAt" | "placedAt" | "startedAt" | "finishedAt" | "status">;
}) {
  const t = useTranslations("jobs.timeline");
  const times = [
    [t("submitted"), "submitted", job.createdAt],
    [t("placed"), "placed", job.placedAt],
    [t("started"), "started", job.startedAt],
    [
      job.status === "cancelled" ? t("cancelled") : job.status === "failed" ? t("failed") : t("finished"),
      "finished",
      job.finishedAt,
    ],
  ] as const;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="timeline">
      {times.map(([label, id, at]) => (
        <div key={id} className="contents">
          <dt className="text-slate-400">{label}</dt>
          <dd data-testid={`timeline-${id}`}>
            <UtcTime iso={at} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
