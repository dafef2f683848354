import { z } from "zod";
import { PageQuery } from "../pagination";
import {
  CreatedJobOut, CreateJobInput, JobLogOut, JobOut, JobSummaryOut, ListJobsQuery, PutQuotaInput, QuotaOut, ScheduleOut, UpdateScheduleInput,
} from "../jobs/schemas";
import { pageOf, registerEndpoint } from "./registry";

// The jobs, schedules and quotas endpoints, registered from their own module
// (see dataset-endpoints.ts).

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const jobParam = { params: z.object({ id: z.uuid() }) };

export function registerJobEndpoints(): void {
  registerEndpoint({
    method: "post",
    path: "/api/v1/jobs",
    summary: "Queue a training or evaluation job (or, with `schedule`, create a recurring one)",
    description:
      "Training: `template` (xor-seed, xor-adam) fills in the model, optimizer and the built-in xor dataset; any training field sent overrides it. " +
      "Placement: `gpus` healthy GPUs of active servers, none held by another job, optionally of `gpuModel` (substring) and with at least `minMemoryMiB`, within rack power caps and the team's quota; `priority` high > normal > low, FIFO within a priority. " +
      "A job that cannot be placed waits and says why in `waitingReason`. With `schedule` (five-field cron, optionally {cron, timezone}) the answer is the schedule (`status: \"scheduled\"`). Nothing is written for a bad body, dataset or source run.",
    role: "operator",
    request: { body: json(CreateJobInput) },
    ok: { status: 201, description: "Queued (or scheduled)", schema: CreatedJobOut },
    errors: [400, 404, 409, 413, 415, 422],
  });
  registerEndpoint({ method: "get", path: "/api/v1/jobs", summary: "List jobs, newest first, each with its verdict", role: "viewer", request: { query: ListJobsQuery }, ok: { status: 200, description: "A page of jobs", schema: pageOf(JobSummaryOut) }, errors: [400, 422] });
  registerEndpoint({
    method: "get",
    path: "/api/v1/jobs/{id}",
    summary: "A job: status, progress, history, evaluation, verdict, placement",
    description:
      "`status` says whether the job ran; `verdict` says whether its model is any good: `not_converged` (training loss flat at chance level, rising or not finite), " +
      "`overfitting` (validation loss up ≥ 10% from its minimum for ≥ 5 epochs while training loss fell, for the weights kept), `worse_than_baseline` (F1 below the better of a majority-class and a logistic-regression baseline scored on the same rows, by more than a margin that widens on small splits), else `good`; " +
      "checked in that order, each with evidence (`statements` in words, and the numbers) and a suggestion. `evaluation.split` and `evaluation.basis` say which rows the figures are on (the training data when the split has no test or validation part: not held out).",
    role: "viewer",
    request: jobParam,
    ok: { status: 200, description: "The job", schema: JobOut },
    errors: [404, 422],
  });
  registerEndpoint({
    method: "post",
    path: "/api/v1/jobs/{id}/cancel",
    summary: "Cancel a queued, placed or running job",
    description: "Its GPUs are free at once; a running job's worker stops training within about a second. 409 for a finished job.",
    role: "operator",
    request: jobParam,
    ok: { status: 200, description: "The cancelled job", schema: JobOut },
    errors: [404, 409, 422],
  });
  registerEndpoint({
    method: "get",
    path: "/api/v1/jobs/{id}/events",
    summary: "Server-sent events of a job's progress",
    description:
      "Events: `snapshot` (the job), `epoch` ({epoch, epochs, loss, valLoss, accuracy, valAccuracy}), `status` ({status, waitingReason, progress, attempts, placement, error, placedAt, startedAt, finishedAt}), `log`, " +
      "and `done` (the finished job, with its evaluation and verdict; the stream then ends).",
    role: "viewer",
    request: jobParam,
    ok: { status: 200, description: "text/event-stream", schema: z.string(), mediaType: "text/event-stream" },
    errors: [404, 422],
  });
  registerEndpoint({
    method: "get", path: "/api/v1/jobs/{id}/logs", summary: "A job's log lines, oldest first", role: "viewer",
    request: { ...jobParam, query: z.object({ after: z.string().optional().meta({ description: "only lines after this id" }), limit: z.number().int().optional() }) },
    ok: { status: 200, description: "Log lines", schema: z.object({ items: z.array(JobLogOut) }) }, errors: [404, 422],
  });
  const scheduleParam = { params: z.object({ id: z.uuid() }) };
  registerEndpoint({ method: "get", path: "/api/v1/schedules", summary: "Recurring jobs with their next run times", role: "viewer", request: { query: PageQuery }, ok: { status: 200, description: "A page of schedules", schema: pageOf(ScheduleOut) }, errors: [400, 422] });
  registerEndpoint({ method: "get", path: "/api/v1/schedules/{id}", summary: "A schedule", role: "viewer", request: scheduleParam, ok: { status: 200, description: "The schedule", schema: ScheduleOut }, errors: [404, 422] });
  registerEndpoint({ method: "patch", path: "/api/v1/schedules/{id}", summary: "Pause, resume or re-time a schedule", role: "operator", request: { ...scheduleParam, body: json(UpdateScheduleInput) }, ok: { status: 200, description: "The schedule", schema: ScheduleOut }, errors: [400, 404, 415, 422] });
  registerEndpoint({ method: "delete", path: "/api/v1/schedules/{id}", summary: "Delete a schedule (its jobs stay)", role: "operator", request: scheduleParam, ok: { status: 204, description: "Deleted" }, errors: [404, 422] });
  const teamParam = { params: z.object({ team: z.string() }) };
  registerEndpoint({ method: "get", path: "/api/v1/quotas", summary: "Team GPU quotas with current use", role: "viewer", ok: { status: 200, description: "Quotas", schema: pageOf(QuotaOut) } });
  registerEndpoint({ method: "put", path: "/api/v1/quotas/{team}", summary: "Set a team's GPU quota (GPUs its placed and running jobs may hold at once)", role: "admin", request: { ...teamParam, body: json(PutQuotaInput) }, ok: { status: 200, description: "The quota", schema: QuotaOut }, errors: [400, 415, 422] });
  registerEndpoint({ method: "delete", path: "/api/v1/quotas/{team}", summary: "Remove a team's quota", role: "admin", request: teamParam, ok: { status: 204, description: "Deleted" }, errors: [404, 422] });
}
