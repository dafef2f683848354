/**
 * Verdicts through the real job path: POST /api/v1/jobs, placement, a worker's
 * runJob (TF.js thread, real database), then GET /api/v1/jobs/{id} and the
 * list. The status says the job ran; the verdict says whether its model is any
 * good, with evidence. Tests may read ../shared (the public Pima dataset).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as jobs from "../../../app/api/v1/jobs/route";
import * as jobById from "../../../app/api/v1/jobs/[id]/route";
import { systemPrincipal } from "../../../lib/auth/principal";
import { uploadDataset } from "../../../lib/datasets/datasets";
import { db, DbNull } from "../../../lib/db";
import { runJob } from "../../../lib/jobs/queue/runner";
import { placeQueuedJobs } from "../../../lib/jobs/placement/scheduler";
import { call } from "../../support/http";
import { buildFleet, recordingDispatcher } from "../../support/job-fleet";
import { tokensByRole } from "../../support/principals";

let op: string;
let viewer: string;
const dispatcher = recordingDispatcher();

beforeAll(async () => {
  ({ operator: op, viewer } = await tokensByRole());
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 4 }] }]);
  const csv = await readFile(
    path.resolve(import.meta.dirname, "../../../../shared/datasets/pima-indians-diabetes.csv"),
    "utf8",
  );
  // Zero means "not measured" in glucose, blood pressure, skin fold, insulin and BMI.
  await uploadDataset("pima", csv, { header: false, target: 8, zeroMissing: [1, 2, 3, 4, 5] }, systemPrincipal);
});

/** Submits a job over the API, places it and runs it to the end in this process, as a worker would; answers GET /api/v1/jobs/{id}. */
async function runToEnd(body: Record<string, unknown>) {
  const created = await call(jobs.POST, { token: op, path: "/api/v1/jobs", json: { gpus: 1, ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id: string = created.body.id;
  await placeQueuedJobs(dispatcher);
  const placed = await db.job.findUniqueOrThrow({ where: { id } });
  expect(placed.status, `not placed: ${placed.waitingReason}`).toBe("placed");
  expect(await runJob(id, { owner: "test-worker", shutdown: new AbortController().signal, dispatcher })).toEqual({
    kind: "finished",
    status: "succeeded",
  });
  const res = await call(jobById.GET, { token: viewer, params: { id } });
  expect(res.status).toBe(200);
  return res.body;
}

const pima = {
  type: "train",
  dataset: "pima",
  model: { hidden: [16, 8], activation: "relu" },
  optimizer: "adam",
  learningRate: 0.01,
  epochs: 100,
  batchSize: 32,
  seed: 1,
};

describe("verdicts on finished training jobs", () => {
  it(
    "ends the seed article's XOR network (xor-seed) succeeded with verdict not_converged, on the training data and saying so",
    { timeout: 120_000 },
    async () => {
      const job = await runToEnd({ type: "train", template: "xor-seed" });
      expect(job).toMatchObject({ status: "succeeded", progress: { epoch: 500, epochs: 500 } });
      expect(job.verdict).toMatchObject({
        kind: "not_converged",
        suggestion: "use Adam (lr 0.01–0.1) or more hidden units",
        evidence: {
          evaluatedOn: "train",
          heldOut: false,
          epochs: 500,
          convergence: { converging: false, reason: "loss flat" },
          overfitting: { judged: false, reason: "no validation split" },
        },
      });
      expect(job.verdict.evidence.convergence.last).toBeGreaterThan(0.6);
      expect(job.verdict.evidence.statements.join(" ")).toMatch(/Training loss stayed flat over the last 250 epochs/);
      // The figures say which rows they are on: there is no held-out split.
      expect(job.evaluation).toMatchObject({
        split: "train",
        heldOut: false,
        samples: 4,
        average: "binary",
        rocAuc: expect.any(Number),
      });
      expect(job.evaluation.basis).toMatch(/^Figures are on the training data \(4 rows\).*not held out/);

      const list = await call(jobs.GET, { token: viewer, path: "/api/v1/jobs?status=succeeded" });
      expect(list.body.items.find((j: { id: string }) => j.id === job.id).verdict).toMatchObject({
        kind: "not_converged",
      });
    },
  );

  it("gives XOR with Adam (xor-adam) the verdict good, with the baselines it beat", { timeout: 120_000 }, async () => {
    const job = await runToEnd({ type: "train", template: "xor-adam" });
    expect(job.evaluation.accuracy).toBe(1);
    expect(job.verdict).toMatchObject({ kind: "good", evidence: { model: { f1: 1 }, heldOut: false } });
    expect(job.verdict.evidence.baselines.map((b: { kind: string }) => b.kind)).toEqual([
      "majority_class",
      "logistic_regression",
    ]);
    expect(Math.max(...job.verdict.evidence.baselines.map((b: { f1: number }) => b.f1))).toBeLessThan(1);
    expect(job.verdict.summary).toMatch(/^Good: .*on the training data, not held out\.$/);
  });

  it(
    "calls a Pima run whose validation loss climbed while training loss fell overfitting, and suggests early stopping",
    { timeout: 180_000 },
    async () => {
      const job = await runToEnd(pima);
      const o = job.verdict.evidence.overfitting;
      expect(job.verdict.kind, JSON.stringify(job.verdict)).toBe("overfitting");
      expect(o).toMatchObject({ judged: true, isOverfit: true, keptEpoch: 100 });
      // Its validation loss more than doubled from its minimum; training loss kept falling.
      expect(o.valLossAtKept / o.minValLoss).toBeGreaterThan(2);
      expect(o.trainLossAtKept).toBeLessThan(o.trainLossAtMin);
      expect(o.epochsSinceMin).toBeGreaterThanOrEqual(5);
      expect(job.verdict.suggestion).toMatch(new RegExp(`early stopping.*about epoch ${o.minValLossEpoch}\\b`));
      expect(job.evaluation).toMatchObject({ split: "test", heldOut: true, rocAuc: expect.any(Number) });
      expect(job.evaluation.basis).toMatch(/^Figures are on the held-out test split \(\d+ rows\)\.$/);
    },
  );

  it(
    "judges the weights early stopping kept: the same network is not called overfit, and the evidence says the run overfit later",
    { timeout: 180_000 },
    async () => {
      // Patience long enough for the validation loss to climb well past its minimum before training stops.
      const job = await runToEnd({ ...pima, earlyStopping: { patience: 20 } });
      const o = job.verdict.evidence.overfitting;
      expect(job.verdict.kind).not.toBe("overfitting");
      expect(o).toMatchObject({ judged: true, isOverfit: false, wholeRunIsOverfit: true });
      expect(o.keptEpoch).toBeLessThan(job.progress.epoch);
      expect(job.verdict.evidence.statements.join(" ")).toMatch(
        /early stopping restored the weights of epoch \d+ .*not overfit/,
      );
    },
  );

  it(
    "judges an evaluation job against the majority class of the rows it scored, and says they include the training rows",
    { timeout: 180_000 },
    async () => {
      const trained = await runToEnd({ ...pima, epochs: 10 });
      const job = await runToEnd({ type: "evaluate", job: trained.id, dataset: "pima", gpus: 0 });
      expect(job.evaluation).toMatchObject({ split: "all", heldOut: false, rocAuc: expect.any(Number) });
      expect(job.evaluation.basis).toMatch(
        /every row of pima@1 .*the dataset version the model was trained on.*not held out/,
      );
      expect(job.verdict).toMatchObject({
        evidence: {
          evaluatedOn: "all",
          heldOut: false,
          epochs: null,
          baselines: [{ kind: "majority_class", label: "0" }],
        },
      });
      expect(["good", "worse_than_baseline"]).toContain(job.verdict.kind);
    },
  );

  it(
    "shows a run that finished before verdicts existed as not judged (verdict null), and says its split was not recorded",
    { timeout: 120_000 },
    async () => {
      const job = await runToEnd({ type: "train", template: "xor-adam", epochs: 20 });
      const run = await db.trainingRun.findUniqueOrThrow({ where: { id: job.runId } });
      const { split: _split, ...evaluation } = run.evaluation as Record<string, unknown>;
      // As the run was stored before this change: no verdict column value, no evaluation.split.
      await db.trainingRun.update({
        where: { id: job.runId },
        data: { verdict: DbNull, evaluation: evaluation as never },
      });
      const old = (await call(jobById.GET, { token: viewer, params: { id: job.id } })).body;
      expect(old).toMatchObject({
        status: "succeeded",
        verdict: null,
        evaluation: { split: null, heldOut: null, basis: expect.stringMatching(/not recorded/) },
      });
    },
  );
});
