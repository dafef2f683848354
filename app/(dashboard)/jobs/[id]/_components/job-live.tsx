"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { CodedTextView } from "@/components/ui/coded-text";
import { Card } from "@/components/ui/card";
import { versionHref } from "@/components/ui/model-links";
import { Notice } from "@/components/ui/notice";
import type { Translate } from "@/lib/i18n/translate";
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
  const t = useTranslations("jobs.job");
  return (
    <ScrollArea label={t("logScroll")} className="max-h-80 overflow-y-auto">
      {/* The log's lines are stored prose, in the words the worker wrote them in. */}
      <ol aria-label={t("logLabel")} className="font-mono text-[12px] leading-5" data-testid="job-log">
        {logs.map((l) => (
          <li key={l.id} className="flex gap-3">
            <time dateTime={l.at} className="shrink-0 text-slate-500">
              {l.at.slice(11, 19)}
            </time>
            <span className={levelClass[l.level] ?? "text-slate-300"} data-stored-text>
              {l.message}
            </span>
          </li>
        ))}
      </ol>
    </ScrollArea>
  );
}

/** The registry version a training job registered, or the one an evaluation job evaluated. */
function ModelVersionLine({ job, version }: { job: JobOut; version: NonNullable<JobOut["modelVersion"]> }) {
  const t = useTranslations("jobs.job");
  const link = () => (
    <Link href={versionHref(version.name, version.version)} className="font-mono text-sky-300 hover:underline">
      {t("modelVersion", { name: version.name, version: version.version })}
    </Link>
  );
  return (
    <p className="mt-3 text-sm text-slate-300" data-testid="job-model-version">
      {t.rich(job.type === "train" ? "registeredAs" : "evaluated", { link })}
    </p>
  );
}

/** Before the job finishes there are no figures yet; say which rows they will be on. */
function EvaluationDescription({ job, t }: { job: JobOut; t: Translate }) {
  // The basis is the judge's sentence, stored with the figures.
  if (job.evaluation) return <span data-stored-text>{job.evaluation.basis}</span>;
  return <>{job.type !== "train" ? t("evaluationAllRows") : t("evaluationPending")}</>;
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
  const t = useTranslations("jobs.job");
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
            {isTraining ? t("epoch", { epoch: job.progress.epoch, epochs: job.progress.epochs }) : t("evaluation")}
          </span>
          {isLive && <span className="text-[11px] uppercase tracking-wider text-emerald-400">{t("live")}</span>}
          {canCancel && isActive && <CancelJobButton id={job.id} />}
        </div>
        {job.modelVersion && <ModelVersionLine job={job} version={job.modelVersion} />}
        {job.waitingReason && (
          <p className="mt-3 text-sm text-amber-200" data-testid="waiting-reason">
            <CodedTextView value={job.waitingReasonCode} fallback={job.waitingReason} />
          </p>
        )}
        {job.error && (
          <div className="mt-3">
            <Notice tone="error" title={t("failed")}>
              <span data-stored-text>{job.error}</span>
            </Notice>
          </div>
        )}
      </Card>
      <Card title={t("verdict")} description={t("verdictDescription")}>
        <VerdictPanel job={job} />
      </Card>
      {isTraining && (
        <Card title={t("curves")} description={t("curvesDescription")}>
          <TrainingCurves history={job.history} epochs={job.progress.epochs} />
        </Card>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card
          title={t("placement")}
          description={
            job.request.gpuModel
              ? t("placementRequestedModel", {
                  count: job.request.gpus,
                  model: job.request.gpuModel,
                  attempt: job.attempts || "—",
                })
              : t("placementRequested", { count: job.request.gpus, attempt: job.attempts || "—" })
          }
        >
          {job.placement.gpus.length === 0 ? (
            <p className="text-sm text-slate-400">{job.status === "queued" ? t("notPlaced") : t("noGpus")}</p>
          ) : (
            <ul className="space-y-0.5 font-mono text-[12px]" data-testid="placement">
              {job.placement.gpus.map((uuid) => (
                <li key={uuid}>
                  <Link href={`/gpus/${encodeURIComponent(uuid)}`} className="text-sky-300 hover:underline">
                    {uuid}
                  </Link>
                </li>
              ))}
              <li className="pt-1 text-slate-500">{t("onHosts", { hosts: job.placement.hosts.join(", ") })}</li>
            </ul>
          )}
        </Card>
        <Card title={t("timeline")}>
          <JobTimeline job={job} />
        </Card>
      </div>
      <Card
        title={t("evaluationTitle")}
        description={
          <span data-testid="evaluation-basis">
            <EvaluationDescription job={job} t={t} />
          </span>
        }
      >
        {job.evaluation ? (
          <EvaluationPanel evaluation={job.evaluation} />
        ) : (
          <p className="text-sm text-slate-400">{t("notEvaluated")}</p>
        )}
      </Card>
      <Card title={t("log")}>
        <JobLog logs={logs} />
      </Card>
    </div>
  );
}
