import { readFileSync } from "node:fs";
import path from "node:path";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemPrincipal } from "../../../lib/auth/principal";
import { getConfig } from "../../../lib/config";
import { db } from "../../../lib/db";
import { cancelJob } from "../../../lib/jobs/cancel";
import { getJob } from "../../../lib/jobs/queries";
import {
  createBoss,
  RUN_QUEUE,
  runDispatcher,
  startRunQueue,
  type RunDispatcher,
} from "../../../lib/jobs/queue/run-queue";
import { runJob, type RunContext } from "../../../lib/jobs/queue/runner";
import { placeQueuedJobs } from "../../../lib/jobs/placement/scheduler";
import { CreateJobInput } from "../../../lib/jobs/schemas";
import { submitJob } from "../../../lib/jobs/submit";
import { compareShapes, readDbShape, type Datamodel } from "../../support/drift";
import { buildFleet } from "../../support/job-fleet";

let boss: PgBoss;
let dispatcher: RunDispatcher;
const never = new AbortController().signal;
const ctx = (owner: string, shutdown = never): RunContext => ({ owner, shutdown, dispatcher });

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 4 }] }]);
  const { DATABASE_URL, RACKMIND_DB_KIND } = getConfig();
  boss = createBoss(DATABASE_URL!, RACKMIND_DB_KIND === "pglite");
  await startRunQueue(boss);
  dispatcher = runDispatcher(boss);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

async function submitAndPlace(body: Record<string, unknown>): Promise<string> {
  const { id } = await submitJob(
    CreateJobInput.parse({ type: "train", template: "xor-adam", gpus: 1, ...body }),
    systemPrincipal,
  );
  await placeQueuedJobs(dispatcher);
  return id;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const runEpoch = async (jobId: string) => {
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  return job.runId ? (await db.trainingRun.findUniqueOrThrow({ where: { id: job.runId } })).epoch : 0;
};

describe("running jobs (pg-boss + lease + engine)", () => {
  it("starts pg-boss in its own schema, so the drift guard still sees only Rackmind's tables", async () => {
    expect(await boss.getQueue(RUN_QUEUE)).toMatchObject({ name: RUN_QUEUE, policy: "short" });
    const datamodel = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../../../lib/generated/datamodel.json"), "utf8"),
    ) as Datamodel;
    expect(compareShapes(datamodel, await readDbShape(getConfig().DATABASE_URL!))).toEqual([]);
  });

  it("runs a placed job from its pg-boss message to a stored model, and frees its GPUs", async () => {
    const id = await submitAndPlace({ epochs: 40 });
    const [message] = await boss.fetch<{ jobId: string }>(RUN_QUEUE, { batchSize: 1 });
    expect(message?.data).toEqual({ jobId: id });
    expect(await runJob(id, ctx("w1"))).toEqual({ kind: "finished", status: "succeeded" });
    const job = await getJob(id);
    expect(job).toMatchObject({
      status: "succeeded",
      progress: { epoch: 40, epochs: 40 },
      attempts: 1,
      waitingReason: null,
    });
    expect(job.history).toHaveLength(40);
    expect(job.evaluation).toMatchObject({ classes: ["0", "1"], split: "train" });
    expect(job.evaluation!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(4);
    // The last log line says where the figures are from and what the verdict is.
    const last = await db.jobLog.findFirstOrThrow({ where: { jobId: id }, orderBy: { id: "desc" } });
    expect(last.message).toMatch(
      /^trained 40\/40 epochs, accuracy [\d.]+ on the training data \(no held-out split\); verdict [a-z ]+: /,
    );
    expect(job.placement.gpus).toHaveLength(1);
    expect(await db.gpuAllocation.count({ where: { jobId: id, endedAt: null } })).toBe(0);
    expect(await db.modelArtifact.count({ where: { runId: job.runId! } })).toBe(1);
    // A second delivery of the same message finds nothing to do.
    expect(await runJob(id, ctx("w2"))).toEqual({ kind: "not-claimed" });
  });

  it("stops a running job within seconds of a cancel and frees its GPUs at once", async () => {
    const id = await submitAndPlace({ template: "xor-seed", epochs: 5000 });
    const running = runJob(id, ctx("w1"));
    await waitFor("a few epochs", async () => (await runEpoch(id)) >= 3);
    const cancelledAt = Date.now();
    const cancelled = await cancelJob(id, systemPrincipal);
    expect(cancelled.status).toBe("cancelled");
    expect(await db.gpuAllocation.count({ where: { jobId: id, endedAt: null } })).toBe(0);
    expect(await running).toEqual({ kind: "stopped", why: "cancelled" });
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
    const run = await db.trainingRun.findUniqueOrThrow({ where: { id: cancelled.runId! } });
    expect(run.status).toBe("cancelled");
    expect(run.epoch).toBeLessThan(5000);
  });

  it("hands a job back at worker shutdown; another worker resumes it from the checkpoint to one artifact", async () => {
    const id = await submitAndPlace({ epochs: 300 });
    const shutdown = new AbortController();
    const first = runJob(id, ctx("w1", shutdown.signal));
    const k = await waitFor("epoch 20", async () => {
      const e = await runEpoch(id);
      return e >= 20 ? e : null;
    });
    shutdown.abort();
    expect(await first).toEqual({ kind: "stopped", why: "shutdown" });
    const handedBack = await db.job.findUniqueOrThrow({ where: { id } });
    expect(handedBack).toMatchObject({ status: "running", leaseOwner: null });
    expect(await runJob(id, ctx("w2"))).toEqual({ kind: "finished", status: "succeeded" });
    const job = await getJob(id);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2, progress: { epoch: 300 } });
    expect(job.history.map((h) => h.epoch)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await db.modelArtifact.count({ where: { runId: job.runId! } })).toBe(1);
    const logs = await db.jobLog.findMany({ where: { jobId: id }, orderBy: { id: "asc" } });
    expect(logs.map((l) => l.message).join("\n")).toMatch(new RegExp(`resumed from epoch (\\d+)`));
    const resumed = Number(/resumed from epoch (\d+)/.exec(logs.map((l) => l.message).join("\n"))![1]);
    expect(resumed).toBeGreaterThanOrEqual(k);
  });

  it("evaluates a trained job's model on a dataset version", async () => {
    const trained = await submitAndPlace({ epochs: 300 });
    await runJob(trained, ctx("w1"));
    const { id } = await submitJob(
      CreateJobInput.parse({ type: "evaluate", job: trained, dataset: "xor" }),
      systemPrincipal,
    );
    await placeQueuedJobs(dispatcher);
    expect(await runJob(id, ctx("w1"))).toEqual({ kind: "finished", status: "succeeded" });
    const job = await getJob(id);
    expect(job).toMatchObject({ type: "evaluate", status: "succeeded", placement: { gpus: [] } });
    expect(job.evaluation).toMatchObject({ samples: 4, classes: ["0", "1"] });
    expect(job.evaluation!.accuracy).toBeCloseTo((await getJob(trained)).evaluation!.accuracy, 6);
  });

  it("fails an evaluation of a run without a model at once, without retrying", async () => {
    const queued = await submitAndPlace({ epochs: 5 });
    // Claimed and handed back before training: the run exists, its artifact does not.
    const shutdown = new AbortController();
    shutdown.abort();
    await runJob(queued, ctx("w9", shutdown.signal));
    const runId = (await db.job.findUniqueOrThrow({ where: { id: queued } })).runId!;
    const { id } = await submitJob(
      CreateJobInput.parse({ type: "evaluate", run: runId, dataset: "xor" }),
      systemPrincipal,
    );
    await placeQueuedJobs(dispatcher);
    expect(await runJob(id, ctx("w1"))).toEqual({ kind: "finished", status: "failed" });
    expect(await getJob(id)).toMatchObject({
      status: "failed",
      attempts: 1,
      error: expect.stringContaining("has no model"),
    });
    await cancelJob(queued, systemPrincipal);
  });

  it("retries an unexpected (infrastructure) failure with pg-boss backoff, then gives up after the retry limit", async () => {
    const trained = await submitAndPlace({ epochs: 20 });
    await runJob(trained, ctx("w1"));
    // A dataset version whose stored rows cannot be read stands in for any unexpected error.
    const { uploadDataset } = await import("../../../lib/datasets/datasets");
    const broken = await uploadDataset(
      "broken",
      "a,b,a xor b\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n",
      { target: "a xor b", normalisation: "none" },
      systemPrincipal,
    );
    await db.datasetVersion.update({
      where: { id: broken.id },
      data: { cleaned: new Uint8Array(Buffer.from("not json")) },
    });
    // Earlier tests ran jobs without taking their messages; clear those out first.
    for (
      let batch = await boss.fetch(RUN_QUEUE, { batchSize: 50 });
      batch.length;
      batch = await boss.fetch(RUN_QUEUE, { batchSize: 50 })
    ) {
      await boss.complete(
        RUN_QUEUE,
        batch.map((m) => m.id),
      );
    }
    const { id } = await submitJob(
      CreateJobInput.parse({ type: "evaluate", job: trained, dataset: broken.id }),
      systemPrincipal,
    );
    await placeQueuedJobs(dispatcher);

    const [message] = await boss.fetch<{ jobId: string }>(RUN_QUEUE, { batchSize: 1 });
    expect(message?.data).toEqual({ jobId: id });
    const first = await runJob(id, ctx("w1"));
    expect(first).toMatchObject({ kind: "retry" });
    await boss.fail(RUN_QUEUE, message!.id, { message: (first as { error: string }).error });
    const retried = await boss.getJobById(RUN_QUEUE, message!.id);
    expect(retried).toMatchObject({ state: "retry", retryCount: 0 });
    expect(retried!.startAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "running",
      leaseOwner: null,
      attempts: 1,
    });

    // Attempts 2–3 retry too; the 4th (retry limit 3) fails the job for good and frees it.
    for (const n of [2, 3]) expect(await runJob(id, ctx(`w${n}`))).toMatchObject({ kind: "retry" });
    expect(await runJob(id, ctx("w4"))).toEqual({ kind: "finished", status: "failed" });
    expect(await getJob(id)).toMatchObject({
      status: "failed",
      attempts: 4,
      error: expect.stringMatching(/^gave up after 4 attempts/),
    });
    const log = (await db.jobLog.findMany({ where: { jobId: id }, orderBy: { id: "asc" } })).map((l) => l.message);
    expect(log.filter((m) => /retrying with backoff/.test(m))).toHaveLength(3);
  });
});
