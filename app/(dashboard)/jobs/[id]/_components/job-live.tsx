"use client";

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { versionHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import type { JobLogOut, JobOut } from "@/lib/jobs/schemas";
import { JobStatusBadge } from "../../_components/job-status-badge";
import { ProgressBar } from "../../_components/progress-bar";
import { CancelJobButton } from "./cancel-job-button";
import { EvaluationPanel } from "@/components/ui/evaluation-panel";
import { JobTimeline } from "./job-timeline";
import { TrainingCurves } from "./training-curves";
import { useJobEvents } from "./use-job-events";
import { VerdictPanel } from "./verdict-panel";
import { ScrollArea } from "@/components/ui/scroll-area";

const activeStatuses = new Set(["queued", "placed", "running"]);

const levelClass: Record<string, string> = { info: "text-slate-300", warn: "text-amber-300", error: "text-rose-300" };

function JobLog({ logs }: { logs: JobLogOut[] }) {
  return (
    <ScrollArea label="Job log, scrollable" className="max-h-80 overflow-y-auto">
      <ol aria-label="Job log" className="font-mono text-[12px] leading-5" data-testid="job-log">
        {logs.map((l) => (
          <li key={l.id} className="flex gap-3">
            <time dateTime={l.at} className="shrink-0 text-slate-500">
              {l.at.slice(11, 19)}
            </time>
            <span className={levelClass[l.level] ?? "text-slate-300"}>{l.message}</span>
          </li>
        ))}
      </ol>
    </ScrollArea>
  );
}

/** The registry version a training job registered, or the one an evaluation job evaluated. */
function ModelVersionLine({ job, version }: { job: JobOut; version: NonNullable<JobOut["modelVersion"]> }) {
  return (
    <p className="mt-3 text-sm text-slate-300" data-testid="job-model-version">
      {job.type === "train" ? "Registered as " : "Evaluated "}
      <Link href={versionHref(version.name, version.version)} className="font-mono text-sky-300 hover:underline">
        {version.name} v{version.version}
      </Link>
      {job.type === "train" ? " in the model registry." : "."}
    </p>
  );
}

/** Before the job finishes there are no figures yet; say which rows they will be on. */
function evaluationDescription(job: JobOut): string {
  if (job.evaluation) return job.evaluation.basis;
  if (job.type !== "train") return "Every row of the dataset, when the job runs.";
  return "When the run finishes: on the test split; the validation split if there is no test split; else the training data, and it will say so.";
}

/**
 * Everything on the job page that changes while the job runs, fed by its event
 * stream: status, progress, Cancel, verdict, curves, placement, timeline,
 * evaluation and log. At the stream's `done` it shows the final job without a
 * reload (Cancel disappears with the last active status).
 */
export function JobLive({
  initial,
  initialLogs,
  canCancel,
}: {
  initial: JobOut;
  initialLogs: JobLogOut[];
  canCancel: boolean;
}) {
  const { job, logs, isLive } = useJobEvents(initial, initialLogs);
  const isTraining = job.type === "train";
  const isActive = activeStatuses.has(job.status);
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-center gap-4">
          <JobStatusBadge status={job.status} />
          <div className="min-w-64 flex-1">
            <ProgressBar epoch={job.progress.epoch} epochs={job.progress.epochs} />
          </div>
          <span className="font-mono text-xs text-slate-400" data-testid="job-epoch">
            {isTraining ? `epoch ${job.progress.epoch} / ${job.progress.epochs}` : "evaluation"}
          </span>
          {isLive && <span className="text-[11px] uppercase tracking-wider text-emerald-400">● live</span>}
          {canCancel && isActive && <CancelJobButton id={job.id} />}
        </div>
        {job.modelVersion && <ModelVersionLine job={job} version={job.modelVersion} />}
        {job.waitingReason && (
          <p className="mt-3 text-sm text-amber-200" data-testid="waiting-reason">
            {job.waitingReason}
          </p>
        )}
        {job.error && (
          <div className="mt-3">
            <Notice tone="error" title="The job failed">
              {job.error}
            </Notice>
          </div>
        )}
      </Card>
      <Card
        title="Verdict"
        description="Whether the model is any good. The status above only says whether the job ran."
      >
        <VerdictPanel job={job} />
      </Card>
      {isTraining && (
        <Card title="Loss and accuracy" description="Per epoch, as the worker stores each checkpoint.">
          <TrainingCurves history={job.history} epochs={job.progress.epochs} />
        </Card>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card
          title="Placement"
          description={`${job.request.gpus} GPU${job.request.gpus === 1 ? "" : "s"} requested${job.request.gpuModel ? ` (${job.request.gpuModel})` : ""}; attempt ${job.attempts || "—"}.`}
        >
          {job.placement.gpus.length === 0 ? (
            <p className="text-sm text-slate-400">{job.status === "queued" ? "Not placed yet." : "No GPUs held."}</p>
          ) : (
            <ul className="space-y-0.5 font-mono text-[12px]" data-testid="placement">
              {job.placement.gpus.map((uuid) => (
                <li key={uuid}>
                  <Link href={`/gpus/${encodeURIComponent(uuid)}`} className="text-sky-300 hover:underline">
                    {uuid}
                  </Link>
                </li>
              ))}
              <li className="pt-1 text-slate-500">on {job.placement.hosts.join(", ")}</li>
            </ul>
          )}
        </Card>
        <Card title="Timeline">
          <JobTimeline job={job} />
        </Card>
      </div>
      <Card title="Evaluation" description={<span data-testid="evaluation-basis">{evaluationDescription(job)}</span>}>
        {job.evaluation ? (
          <EvaluationPanel evaluation={job.evaluation} />
        ) : (
          <p className="text-sm text-slate-400">Not evaluated yet.</p>
        )}
      </Card>
      <Card title="Log">
        <JobLog logs={logs} />
      </Card>
    </div>
  );
}
