import { z } from "zod";
import {
  CreatedJobOut,
  CreateJobInput,
  JobIdParam,
  JobLogOut,
  JobOut,
  JobSummaryOut,
  ListJobsQuery,
} from "../../jobs/schemas";
import { defineContract, pageOf } from "../contract";

// Training and evaluation jobs: queueing, reading, cancelling, following (schedules and quotas: schedules.ts).

export const JobLogsQuery = z.object({
  after: z.string().regex(/^\d+$/).optional().meta({ description: "only lines after this id" }),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const submitJob = defineContract({
  method: "post",
  path: "/api/v1/jobs",
  permission: "jobs.write",
  summary: "Queue a training or evaluation job (or, with `schedule`, create a recurring one)",
  description:
    "Training: `template` (xor-seed, xor-adam) fills in the model, optimizer and the built-in xor dataset; any training field sent overrides it. " +
    "Placement: `gpus` healthy GPUs of active servers, none held by another job, optionally of `gpuModel` (substring) and with at least `minMemoryMiB`, within rack power caps and the team's quota; `priority` high > normal > low, FIFO within a priority. " +
    'A job that cannot be placed waits and says why in `waitingReason`. With `schedule` (five-field cron, optionally {cron, timezone}) the answer is the schedule (`status: "scheduled"`). Nothing is written for a bad body, dataset or source run.',
  body: CreateJobInput,
  response: { status: 201, description: "Queued (or scheduled)", schema: CreatedJobOut },
  errors: [404, 409],
});

export const listJobs = defineContract({
  method: "get",
  path: "/api/v1/jobs",
  permission: "jobs.read",
  summary: "List jobs, newest first, each with its verdict",
  query: ListJobsQuery,
  response: { status: 200, description: "A page of jobs", schema: pageOf(JobSummaryOut) },
  errors: [400],
});

export const getJob = defineContract({
  method: "get",
  path: "/api/v1/jobs/{id}",
  permission: "jobs.read",
  summary: "A job: status, progress, history, evaluation, verdict, placement",
  description:
    "`status` says whether the job ran; `verdict` says whether its model is any good: `not_converged` (training loss flat at chance level, rising or not finite), " +
    "`overfitting` (validation loss up ≥ 10% from its minimum for ≥ 5 epochs while training loss fell, for the weights kept), `worse_than_baseline` (F1 below the better of a majority-class and a logistic-regression baseline scored on the same rows, by more than a margin that widens on small splits), else `good`; " +
    "checked in that order, each with evidence (`statements` in words, and the numbers) and a suggestion. `evaluation.split` and `evaluation.basis` say which rows the figures are on (the training data when the split has no test or validation part: not held out).",
  params: JobIdParam,
  response: { status: 200, description: "The job", schema: JobOut },
  errors: [404, 422],
});

export const cancelJob = defineContract({
  method: "post",
  path: "/api/v1/jobs/{id}/cancel",
  permission: "jobs.write",
  summary: "Cancel a queued, placed or running job",
  description:
    "Its GPUs are free at once; a running job's worker stops training within about a second. 409 for a finished job.",
  params: JobIdParam,
  response: { status: 200, description: "The cancelled job", schema: JobOut },
  errors: [404, 409, 422],
});

export const followJobEvents = defineContract({
  method: "get",
  path: "/api/v1/jobs/{id}/events",
  permission: "jobs.read",
  summary: "Server-sent events of a job's progress",
  description:
    "Events: `snapshot` (the job), `epoch` ({epoch, epochs, loss, valLoss, accuracy, valAccuracy}), `status` ({status, waitingReason, progress, attempts, placement, error, placedAt, startedAt, finishedAt}), `log`, " +
    "and `done` (the finished job, with its evaluation and verdict; the stream then ends).",
  params: JobIdParam,
  response: { status: 200, description: "text/event-stream", schema: z.string(), mediaType: "text/event-stream" },
  errors: [404, 422],
});

export const listJobLogs = defineContract({
  method: "get",
  path: "/api/v1/jobs/{id}/logs",
  permission: "jobs.read",
  summary: "A job's log lines, oldest first",
  params: JobIdParam,
  query: JobLogsQuery,
  response: { status: 200, description: "Log lines", schema: z.object({ items: z.array(JobLogOut) }) },
  errors: [404],
});
