/**
 * Training runs as rows: create, read, request a stop. Database only, no TF.js
 * and no threads, so the web app may import this module; executing a run lives
 * in ./run.ts (worker side).
 */
import { db } from "../db";
import { AppError } from "../errors";
import type { Evaluation } from "./judge/metrics";
import { TrainingSpec, Verdict, type Convergence, type EpochMetrics, type TrainingSpecInput } from "./schemas";

export type TrainingRunStatus = "pending" | "running" | "succeeded" | "failed" | "cancelled";

/** A run as lib/ hands it out: JSON columns typed, dates as Date. */
export type TrainingRunView = {
  id: string;
  datasetVersionId: string;
  spec: TrainingSpec;
  status: TrainingRunStatus;
  backend: string | null;
  epoch: number;
  epochs: number;
  history: EpochMetrics[];
  evaluation: (Evaluation & { split?: string }) | null;
  convergence: Convergence | null;
  /** null before the run succeeded, and for runs stored before verdicts existed (or in a shape this code no longer reads). */
  verdict: Verdict | null;
  error: string | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

type RunRow = Awaited<ReturnType<typeof db.trainingRun.findUniqueOrThrow>>;

/** A stored verdict, or null when there is none or it no longer parses (read leniently: old rows must still load). */
export function readVerdict(raw: unknown): Verdict | null {
  const parsed = Verdict.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function toRunView(row: RunRow): TrainingRunView {
  return {
    ...row,
    spec: row.spec as TrainingSpec,
    history: (row.history ?? []) as EpochMetrics[],
    evaluation: (row.evaluation ?? null) as TrainingRunView["evaluation"],
    convergence: (row.convergence ?? null) as Convergence | null,
    verdict: readVerdict(row.verdict),
  };
}

/**
 * A pending run of `spec` (validated here: a bad spec throws ZodError, 422 at
 * the edge) on a dataset version. Nothing trains until executeTrainingRun.
 */
export async function createTrainingRun(input: {
  datasetVersionId: string;
  spec: TrainingSpecInput;
  createdBy: string;
}): Promise<TrainingRunView> {
  const spec = TrainingSpec.parse(input.spec);
  const version = await db.datasetVersion.findUnique({ where: { id: input.datasetVersionId }, select: { id: true } });
  if (!version) throw new AppError("not_found", `Dataset version ${input.datasetVersionId} does not exist`);
  const row = await db.trainingRun.create({
    data: { datasetVersionId: version.id, spec, epochs: spec.epochs, createdBy: input.createdBy },
  });
  return toRunView(row);
}

export async function getTrainingRunOrThrow(id: string): Promise<TrainingRunView> {
  const row = await db.trainingRun.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `Training run ${id} does not exist`);
  return toRunView(row);
}

/**
 * Marks a pending or running run cancelled, from any process. The executor
 * notices at its next checkpoint write and stops its thread (in-process
 * callers stop faster with executeTrainingRun's `signal`). Returns false when
 * the run had already finished.
 */
export async function requestTrainingRunCancel(id: string): Promise<boolean> {
  const { count } = await db.trainingRun.updateMany({
    where: { id, status: { in: ["pending", "running"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  return count === 1;
}
