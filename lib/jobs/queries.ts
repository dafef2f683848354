import { z } from "zod";
import { db, type Prisma } from "../db";
import type { Job } from "../generated/prisma/client";
import { listJobAllocations } from "./placement/allocations";
import { AppError } from "../errors";
import { readCodedText } from "../i18n/coded-text";
import { decodeCursor, toPage, type Page } from "../pagination";
import { readVerdict } from "../training/run-records";
import { toEvaluation, verdictOfResult } from "./job-results";
import type { EpochOut, JobOut, JobSummaryOut, ListJobsQuery } from "./schemas";

type RunView = { epoch: number; epochs: number; history: unknown; evaluation: unknown; verdict: unknown };

// The engine stores history as JSON; read only the fields the API promises,
// so an engine that stores more does not change the answer.
const HistoryLine = z.object({
  epoch: z.number(),
  loss: z.number(),
  valLoss: z.number().nullable().default(null),
  accuracy: z.number(),
  valAccuracy: z.number().nullable().default(null),
});

export function toHistory(raw: unknown): EpochOut[] {
  const parsed = z.array(HistoryLine).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

// Read leniently: a job stored under an older spec shape must still list.
const SpecView = z.object({
  dataset: z.string().catch("?"),
  modelName: z.string().nullable().optional().catch(null),
  training: z.object({ epochs: z.number().int() }).optional().catch(undefined),
});

export function toJobSummary(job: Job, run: RunView | null): JobSummaryOut {
  const spec = SpecView.parse(job.spec ?? {});
  const isTraining = job.type === "train";
  const epochs = isTraining ? (spec.training?.epochs ?? 0) : 1;
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    priority: job.priority,
    team: job.team,
    dataset: spec.dataset,
    modelName: isTraining ? (spec.modelName ?? null) : null,
    request: { gpus: job.gpus, gpuModel: job.gpuModel, minMemoryMiB: job.minMemoryMiB },
    progress: isTraining
      ? { epoch: run?.epoch ?? 0, epochs: run?.epochs ?? epochs }
      : { epoch: job.status === "succeeded" ? 1 : 0, epochs },
    waitingReason: job.waitingReason,
    waitingReasonCode: readCodedText(job.waitingReasonCode),
    error: job.error,
    attempts: job.attempts,
    runId: job.runId,
    scheduleId: job.scheduleId,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    placedAt: job.placedAt?.toISOString() ?? null,
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    // Only a succeeded job is judged; a run's verdict is stored before its job is marked succeeded.
    verdict: job.status !== "succeeded" ? null : isTraining ? readVerdict(run?.verdict) : verdictOfResult(job.result),
  };
}

async function runsById(ids: (string | null)[]): Promise<Map<string, RunView>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const runs = await db.trainingRun.findMany({
    where: { id: { in: wanted } },
    select: { id: true, epoch: true, epochs: true, history: true, evaluation: true, verdict: true },
  });
  return new Map(runs.map((r) => [r.id, r]));
}

/** A job as GET /api/v1/jobs/{id} answers: progress and history from its run, placement from its GPU allocations. */
export async function getJob(id: string): Promise<JobOut> {
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new AppError("not_found", `Job ${id} does not exist`);
  const run = (await runsById([job.runId])).get(job.runId ?? "") ?? null;
  const allocations = await listJobAllocations(job.id);
  const gpus = [...new Set(allocations.map((a) => a.uuid ?? a.gpuId))];
  const summary = toJobSummary(job, run);
  const training = (job.spec as { training?: unknown } | null)?.training;
  return {
    ...summary,
    history: toHistory(run?.history),
    evaluation: toEvaluation(job.type === "evaluate" ? job.result : run?.evaluation, {
      dataset: summary.dataset,
      training,
    }),
    placement: { gpus, hosts: [...new Set(allocations.flatMap((a) => (a.hostname ? [a.hostname] : [])))] },
    modelVersion: await modelVersionOf(job),
    spec: job.spec as Record<string, unknown>,
  };
}

/** The version a training job registered, or the one an evaluation job evaluated. */
async function modelVersionOf(job: Job): Promise<JobOut["modelVersion"]> {
  const where = job.type === "train" ? { jobId: job.id } : job.modelVersionId ? { id: job.modelVersionId } : null;
  if (!where) return null;
  const v = await db.modelVersion.findFirst({ where, select: { version: true, model: { select: { name: true } } } });
  return v ? { name: v.model.name, version: v.version } : null;
}

const Cursor = z.object({ seq: z.string().regex(/^\d+$/) });

/** Newest first (submission order); filters combine with AND. */
export async function listJobs(q: ListJobsQuery): Promise<Page<JobSummaryOut>> {
  const where: Prisma.JobWhereInput = { status: q.status, priority: q.priority, team: q.team, scheduleId: q.schedule };
  if (q.cursor) where.seq = { lt: BigInt(decodeCursor(q.cursor, Cursor).seq) };
  const rows = await db.job.findMany({ where, orderBy: { seq: "desc" }, take: q.limit + 1 });
  const runs = await runsById(rows.map((r) => r.runId));
  return toPage(
    rows,
    q.limit,
    (r) => ({ seq: r.seq.toString() }),
    (r) => toJobSummary(r, runs.get(r.runId ?? "") ?? null),
  );
}

/** Teams that have submitted jobs, for the list page's filter. */
export async function listJobTeams(): Promise<string[]> {
  const rows = await db.job.findMany({ distinct: ["team"], select: { team: true }, orderBy: { team: "asc" } });
  return rows.map((r) => r.team);
}
