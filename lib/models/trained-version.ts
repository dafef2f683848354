/**
 * Everything a trained model version records about how it came to be, read
 * when its job finishes: the dataset version and its hashes, preprocessing,
 * hyperparameters and seed, code version and TF.js backend, the job and the
 * run, the GPUs it held and what they showed meanwhile, its figures and
 * verdict, and the energy, carbon and cost of the run.
 */
import { z } from "zod";
import { db, type Prisma } from "../db";
import type { Preprocessing } from "../datasets/prepared";
import { buildDriftBaseline, type DriftBaseline } from "../deployments/drift-baseline";
import { energyOfJob } from "../energy/reports/job-energy";
import { AppError } from "../errors";
import { listJobAllocations } from "../jobs/placement/allocations";
import { readVerdict } from "../training/run-records";
import { TrainingSpec } from "../training/schemas";
import { artifactSha256 } from "./artifact-hash";
import { getCodeVersion } from "./code-version";
import { countGpusReportingPower, readGpuEvents, type EventWindow } from "./gpu-events";
import { energyOfRun, unknownEnergy } from "./run-energy";
import {
  ModelName,
  StoredEvaluation,
  type LineageGpu,
  type Signature,
  type VersionEnergy,
  type VersionLineage,
  type VersionMetrics,
} from "./schemas";
import { signatureOf } from "./signature";

/** A version as registration writes it: all but its number, which the registry gives out under a lock. */
export type VersionDraft = {
  modelName: string;
  source: "trained" | "external";
  artifactId: string;
  artifactSha256: string;
  jobId: string | null;
  runId: string | null;
  datasetVersionId: string | null;
  signature: Signature;
  lineage: VersionLineage;
  metrics: VersionMetrics;
  energy: VersionEnergy;
  /** The training split's distribution, what serving measures drift against; null when unknown (external models). */
  driftBaseline: DriftBaseline | null;
  createdBy: string;
  description?: string | null;
  tags?: string[];
};

const SpecView = z.object({ modelName: z.string().nullable().optional(), dataset: z.string().optional() });
const HistoryLine = z.object({
  epoch: z.number(),
  loss: z.number(),
  accuracy: z.number(),
  valLoss: z.number().nullable().default(null),
  valAccuracy: z.number().nullable().default(null),
});

/** The model name a job registers under: its `modelName`, else its dataset's name made a valid model name. */
export function modelNameOf(spec: unknown, datasetName: string): string {
  const view = SpecView.safeParse(spec);
  const named = view.success ? view.data.modelName : null;
  if (named) return named;
  const derived = datasetName.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 64) || "model";
  return ModelName.parse(derived);
}

/**
 * The draft of the version job `jobId` registers. `now` is when the job
 * finishes: GPUs still held count until then (the caller frees them at the
 * same instant, in the transaction that registers the version).
 */
export async function draftTrainedVersion(jobId: string, now = new Date()): Promise<VersionDraft> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job?.runId) throw new AppError("not_found", `Job ${jobId} has no training run to register`);
  const run = await db.trainingRun.findUniqueOrThrow({
    where: { id: job.runId },
    include: { artifact: true, datasetVersion: { include: { dataset: true } } },
  });
  if (run.status !== "succeeded" || !run.artifact)
    throw new AppError("conflict", `Training run ${run.id} has not succeeded; there is no model to register`);
  const { artifact, datasetVersion: dv } = run;
  const preprocessing = artifact.preprocessing as unknown as Preprocessing;
  const spec = TrainingSpec.parse(run.spec);
  const { seed, ...hyperparameters } = spec;
  const gpus = await lineageGpus(jobId, now);
  const [gpuEvents, energy] = await Promise.all([
    readGpuEvents(gpus.windows, now),
    gpus.windows.length
      ? energyOfRun(
          () => energyOfJob(jobId, now),
          () => countGpusReportingPower(gpus.windows),
          now,
        )
      : Promise.resolve(noGpusEnergy(now)),
  ]);
  const sha256 =
    artifact.sha256 ??
    artifactSha256({
      modelTopology: artifact.modelTopology as object,
      weightSpecs: artifact.weightSpecs as never,
      weights: new Uint8Array(artifact.weights),
      preprocessing,
    });
  const lineage: VersionLineage = {
    source: "trained",
    dataset: {
      id: dv.id,
      name: dv.dataset.name,
      version: dv.version,
      contentHash: dv.contentHash,
      cleanedHash: dv.cleanedHash,
      options: (dv.options ?? {}) as Record<string, unknown>,
    },
    preprocessing: preprocessing as unknown as Record<string, unknown>,
    hyperparameters: hyperparameters as unknown as Record<string, unknown>,
    seed,
    codeVersion: getCodeVersion(),
    backend: run.backend,
    job: {
      id: job.id,
      createdBy: job.createdBy,
      team: job.team,
      createdAt: job.createdAt.toISOString(),
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: (job.finishedAt ?? now).toISOString(),
      attempts: job.attempts,
    },
    run: {
      id: run.id,
      epochs: run.epoch,
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: (run.finishedAt ?? now).toISOString(),
    },
    gpus: gpus.lineage,
    gpuEvents,
    externalSource: null,
  };
  return {
    modelName: modelNameOf(job.spec, dv.dataset.name),
    source: "trained",
    artifactId: artifact.id,
    artifactSha256: sha256,
    jobId: job.id,
    runId: run.id,
    datasetVersionId: dv.id,
    signature: signatureOf(preprocessing),
    lineage,
    metrics: metricsOf(run),
    energy,
    driftBaseline: buildDriftBaseline(dv.cleaned, { seed, split: spec.split }),
    createdBy: job.createdBy,
  };
}

function metricsOf(run: { evaluation: Prisma.JsonValue; verdict: Prisma.JsonValue; history: Prisma.JsonValue }) {
  const evaluation = StoredEvaluation.safeParse(run.evaluation);
  const history = z.array(HistoryLine).safeParse(run.history);
  const last = history.success ? history.data.at(-1) : undefined;
  return {
    evaluation: evaluation.success ? evaluation.data : null,
    validation:
      last && (last.valLoss !== null || last.valAccuracy !== null)
        ? { loss: last.valLoss, accuracy: last.valAccuracy }
        : null,
    training: last ? { loss: last.loss, accuracy: last.accuracy, epochs: last.epoch } : null,
    verdict: readVerdict(run.verdict),
  } satisfies VersionMetrics;
}

/** The job's GPUs with where they sat, and the windows to read their telemetry in. */
async function lineageGpus(jobId: string, now: Date): Promise<{ lineage: LineageGpu[]; windows: EventWindow[] }> {
  const allocations = await listJobAllocations(jobId);
  const details = await db.gpu.findMany({
    where: { id: { in: allocations.map((a) => a.gpuId) } },
    select: { id: true, index: true, model: true, server: { select: { rack: { include: { site: true } } } } },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const lineage: LineageGpu[] = [];
  const windows: EventWindow[] = [];
  for (const a of allocations) {
    const d = byId.get(a.gpuId);
    const to = a.endedAt && a.endedAt < now ? a.endedAt : now;
    lineage.push({
      uuid: a.uuid ?? a.gpuId,
      index: d?.index ?? null,
      model: d?.model ?? null,
      hostname: a.hostname,
      rack: d ? d.server.rack.name : null,
      site: d ? d.server.rack.site.name : null,
      from: a.startedAt.toISOString(),
      to: to.toISOString(),
    });
    windows.push({ gpuId: a.gpuId, uuid: a.uuid ?? a.gpuId, hostname: a.hostname, from: a.startedAt, to });
  }
  return { lineage, windows };
}

function noGpusEnergy(now: Date): VersionEnergy {
  return unknownEnergy("The job held no GPU, so no GPU energy is attributed to it.", now);
}
