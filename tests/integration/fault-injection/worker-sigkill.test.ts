import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemPrincipal } from "../../../lib/auth/principal";
import { db } from "../../../lib/db";
import { CreateJobInput } from "../../../lib/jobs/schemas";
import { submitJob } from "../../../lib/jobs/submit";
import { buildFleet } from "../../support/job-fleet";
import { faultsFull, waitFor } from "../../support/faults";
import { testWorkers } from "../../support/worker-process";

// Fault injection (issue 19): the only worker is killed with SIGKILL three
// times while it trains. Every job still finishes exactly once, with one
// training run, one artifact and one registered model version; no GPU stays
// allocated. `npm run test:faults` trains more jobs for longer.

const JOBS = faultsFull ? 3 : 2;
const EPOCHS = faultsFull ? 400 : 200;
const KILLS = 3;

const workers = testWorkers();
const start = workers.start;
const outputs = workers.outputs;

beforeAll(async () => {
  await buildFleet("lab", [{ name: "r1", servers: [{ hostname: "node-k", gpus: 8 }] }]);
});
afterEach(async () => {
  await workers.killAll();
});

/** Epochs trained so far over all the jobs (their runs' newest epoch). */
async function epochsTrained(ids: string[]): Promise<number> {
  const jobs = await db.job.findMany({ where: { id: { in: ids } }, select: { runId: true } });
  const runIds = jobs.flatMap((j) => (j.runId ? [j.runId] : []));
  const runs = await db.trainingRun.findMany({ where: { id: { in: runIds } }, select: { epoch: true } });
  return runs.reduce((sum, r) => sum + r.epoch, 0);
}

describe("fault: the worker is killed while it trains", () => {
  it(
    `SIGKILL ×${KILLS} during training: every job finishes once, with one model version`,
    { timeout: faultsFull ? 900_000 : 420_000 },
    async () => {
      const ids: string[] = [];
      for (let i = 0; i < JOBS; i++) {
        const input = CreateJobInput.parse({
          type: "train",
          template: "xor-adam",
          epochs: EPOCHS,
          gpus: 2,
          modelName: `fault-kill-${i}`,
        });
        ids.push((await submitJob(input, systemPrincipal)).id);
      }
      let progress = 0;
      for (let k = 0; k < KILLS; k++) {
        const w = await start();
        // Kill only once training has moved on since the last kill: each kill interrupts real work.
        progress = await waitFor(
          `training to move past ${progress} epochs (kill ${k + 1})`,
          async () => {
            const now = await epochsTrained(ids);
            return now >= progress + 15 ? now : null;
          },
          180_000,
          outputs,
        );
        await w.kill("SIGKILL");
      }
      await start();
      await waitFor(
        "every job to finish",
        async () =>
          (await db.job.count({ where: { id: { in: ids }, status: { in: ["succeeded", "failed", "cancelled"] } } })) ===
          JOBS,
        faultsFull ? 600_000 : 300_000,
        outputs,
      );

      const jobs = await db.job.findMany({ where: { id: { in: ids } } });
      expect(
        jobs.map((j) => j.status),
        outputs(),
      ).toEqual(ids.map(() => "succeeded"));
      // At least one job was interrupted and resumed by a later worker.
      expect(Math.max(...jobs.map((j) => j.attempts))).toBeGreaterThan(1);
      for (const j of jobs) {
        expect(await db.trainingRun.count({ where: { id: j.runId! } })).toBe(1);
        expect(await db.modelArtifact.count({ where: { runId: j.runId! } })).toBe(1);
        expect(await db.modelVersion.count({ where: { jobId: j.id } })).toBe(1);
        const run = await db.trainingRun.findUniqueOrThrow({ where: { id: j.runId! } });
        expect(run.epoch).toBe(EPOCHS);
      }
      // One version per model: nothing registered twice by a resumed attempt.
      for (let i = 0; i < JOBS; i++) {
        const model = await db.registeredModel.findUniqueOrThrow({ where: { name: `fault-kill-${i}` } });
        expect(await db.modelVersion.count({ where: { modelId: model.id } })).toBe(1);
      }
      expect(await db.gpuAllocation.count({ where: { jobId: { in: ids }, endedAt: null } })).toBe(0);
    },
  );
});
