import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { getJob } from "../../../lib/jobs/queries";
import { CreateJobInput } from "../../../lib/jobs/schemas";
import { submitJob } from "../../../lib/jobs/submit";
import { waitFor } from "../../support/faults";
import { buildFleet } from "../../support/job-fleet";
import { testWorkers } from "../../support/worker-process";

// Real `npm run worker` processes against this file's database: the queue,
// placement, leases and the engine across process boundaries.
const workers = testWorkers();
const start = workers.start;
const outputs = workers.outputs;

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-a", gpus: 8 }] }]);
});
afterEach(async () => {
  await workers.killAll();
});

const submit = async (epochs: number) =>
  (await submitJob(CreateJobInput.parse({ type: "train", template: "xor-adam", epochs, gpus: 2 }), systemPrincipal)).id;
const logOf = async (jobId: string) =>
  (await db.jobLog.findMany({ where: { jobId }, orderBy: { id: "asc" } })).map((l) => l.message);

describe("worker processes", () => {
  it("two worker processes share four jobs and run each exactly once", { timeout: 240_000 }, async () => {
    const [a, b] = [await start(), await start()];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await submit(150));
    await waitFor(
      "all four jobs to succeed",
      async () => (await db.job.count({ where: { id: { in: ids }, status: "succeeded" } })) === 4,
      200_000,
      outputs,
    );

    const owners = new Set<string>();
    for (const id of ids) {
      const job = await getJob(id);
      expect(job).toMatchObject({ status: "succeeded", attempts: 1, progress: { epoch: 150, epochs: 150 } });
      expect(await db.trainingRun.count({ where: { id: job.runId! } })).toBe(1);
      expect(await db.modelArtifact.count({ where: { runId: job.runId! } })).toBe(1);
      const started = (await logOf(id)).filter((m) => m.startsWith("started by worker"));
      expect(started).toHaveLength(1);
      owners.add(/started by worker (\S+)/.exec(started[0]!)![1]!);
    }
    // Every run belongs to exactly one job: no job trained twice under two runs.
    expect(await db.trainingRun.count()).toBe(await db.job.count({ where: { runId: { not: null } } }));
    expect(owners).toEqual(new Set([a.owner(), b.owner()]));
    expect(await db.gpuAllocation.count({ where: { endedAt: null } })).toBe(0);
  });

  it(
    "a job whose worker is killed (SIGKILL) mid-training resumes on another worker from its checkpoint, with one artifact",
    { timeout: 240_000 },
    async () => {
      const doomed = await start();
      const id = await submit(600);
      const k = await waitFor(
        "training to pass epoch 30",
        async () => {
          const job = await db.job.findUniqueOrThrow({ where: { id } });
          const run = job.runId ? await db.trainingRun.findUnique({ where: { id: job.runId } }) : null;
          return run && run.epoch >= 30 ? run.epoch : null;
        },
        120_000,
        outputs,
      );
      await doomed.kill("SIGKILL");
      const killedAt = Date.now();
      await start();
      await waitFor(
        "the job to succeed on the second worker",
        async () => (await db.job.findUniqueOrThrow({ where: { id } })).status === "succeeded",
        200_000,
        outputs,
      );

      const job = await getJob(id);
      expect(job).toMatchObject({ status: "succeeded", attempts: 2, progress: { epoch: 600, epochs: 600 } });
      expect(job.history.map((h) => h.epoch)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
      expect(await db.modelArtifact.count({ where: { runId: job.runId! } })).toBe(1);
      const log = (await logOf(id)).join("\n");
      expect(log).toContain(`lease of ${doomed.owner()} expired`);
      const resumedFrom = Number(/resumed from epoch (\d+)/.exec(log)?.[1]);
      expect(resumedFrom).toBeGreaterThanOrEqual(k);
      // The job kept its GPUs through the crash and gave them back once, at the end.
      const allocations = await db.gpuAllocation.findMany({ where: { jobId: id } });
      expect(allocations).toHaveLength(2);
      expect(allocations.every((a) => a.endedAt !== null && a.endedAt.getTime() >= killedAt)).toBe(true);
    },
  );
});
