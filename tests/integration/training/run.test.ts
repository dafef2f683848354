import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import * as health from "../../../app/api/health/route";
import { cleanDataset } from "../../../lib/datasets/clean";
import { encodeCleaned } from "../../../lib/datasets/cleaned-dataset";
import { db } from "../../../lib/db";
import { createPrng } from "../../../lib/training/engine/prng";
import { createTrainingRun, executeTrainingRun, requestTrainingRunCancel } from "../../../lib/training/execute-run";
import type { TrainingSpecInput } from "../../../lib/training/schemas";
import { call } from "../../support/http";

/** Two noisy classes in 3 numeric columns. */
function csv(rows: number): string {
  const r = createPrng(21);
  const lines = ["a,b,c,label"];
  for (let i = 0; i < rows; i++) {
    const [a, b, c] = [r.next(), r.next(), r.next()];
    lines.push(`${a.toFixed(4)},${b.toFixed(4)},${c.toFixed(4)},${a + b + 0.2 * (r.next() - 0.5) > 1 ? "yes" : "no"}`);
  }
  return lines.join("\n");
}

/** A DatasetVersion row as lib/datasets' upload would store it. */
async function createDatasetVersion(text: string): Promise<string> {
  const { cleaned, columns, report, options } = cleanDataset(text, {});
  const dataset = await db.dataset.create({ data: { name: `ds-${randomUUID().slice(0, 8)}`, createdBy: "test" } });
  const version = await db.datasetVersion.create({
    data: {
      datasetId: dataset.id,
      version: 1,
      contentHash: createHash("sha256").update(text).digest("hex"),
      options,
      columns,
      cleaning: report,
      sourceRows: report.sourceRows,
      rows: report.rows,
      source: new Uint8Array(Buffer.from(text)),
      cleaned: encodeCleaned(cleaned),
      createdBy: "test",
    },
  });
  return version.id;
}

const small = await createDatasetVersion(csv(200));
// ~35 batches of 16 per epoch: epochs are slow enough for an abort to land mid-run.
const larger = await createDatasetVersion(csv(800));

const run = (datasetVersionId: string, spec: TrainingSpecInput) =>
  createTrainingRun({ datasetVersionId, spec, createdBy: "test" });
const checkpointEpochs = async (runId: string) =>
  (await db.trainingCheckpoint.findMany({ where: { runId }, orderBy: { epoch: "asc" } })).map((c) => c.epoch);

describe("executeTrainingRun", () => {
  it("lets /api/health predict the TF.js backend from installed packages before any run has trained", async () => {
    const res = await call(health.GET);
    expect(res.body.tf).toEqual({
      backend: "wasm",
      source: "predicted",
      tried: [{ name: "tensorflow", error: expect.stringContaining("tfjs-node") }],
    });
  });

  it("trains a run to succeeded: an epoch of history each, at most 2 checkpoints kept, an artifact, the backend recorded", async () => {
    const created = await run(small, { model: { hidden: [8] }, learningRate: 0.05, epochs: 8, batchSize: 16, seed: 3 });
    expect(created).toMatchObject({ status: "pending", epoch: 0, epochs: 8 });
    const seen: number[] = [];
    const outcome = await executeTrainingRun(created.id, { onEpoch: (p) => seen.push(p.epoch) });

    expect(outcome).toMatchObject({
      status: "succeeded",
      epoch: 8,
      epochs: 8,
      backend: "wasm",
      error: null,
      resumedFromEpoch: null,
    });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(outcome.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(outcome.evaluation).toMatchObject({ split: "test", average: "binary", classes: ["no", "yes"] });
    expect(outcome.evaluation!.samples).toBeGreaterThan(20);
    expect(outcome.evaluation!.accuracy).toBeGreaterThan(0.6);
    expect(outcome.convergence).toMatchObject({ converging: true });

    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: created.id }, include: { artifact: true } });
    expect(row).toMatchObject({ status: "succeeded", epoch: 8, backend: "wasm" });
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
    expect((await checkpointEpochs(created.id)).length).toBeLessThanOrEqual(2);
    expect(row.artifact!.weights.byteLength).toBe((3 * 8 + 8 + 8 + 1) * 4);
    expect(row.artifact!.preprocessing).toMatchObject({ inputColumns: ["a", "b", "c"], classes: ["no", "yes"] });

    const res = await call(health.GET);
    expect(res.body.tf).toMatchObject({ backend: "wasm", source: "worker", tried: [{ name: "tensorflow" }] });

    // Idempotent: a succeeded run is returned as stored, not retrained.
    const again = await executeTrainingRun(created.id);
    expect(again).toEqual({ ...outcome, resumedFromEpoch: null });
    expect((await db.modelArtifact.findUniqueOrThrow({ where: { runId: created.id } })).createdAt).toEqual(
      row.artifact!.createdAt,
    );
  });

  it("cancels on abort at the last stored checkpoint, then resumes from it (epoch ≥ 2) and ends exactly as an uninterrupted run", async () => {
    const spec: TrainingSpecInput = {
      model: { hidden: [8], dropout: 0.1 },
      optimizer: "adam",
      learningRate: 0.02,
      epochs: 12,
      batchSize: 16,
      seed: 4,
    };

    const interrupted = await run(larger, spec);
    const controller = new AbortController();
    const cancelled = await executeTrainingRun(interrupted.id, {
      signal: controller.signal,
      onCheckpoint: ({ epoch }) => {
        if (epoch >= 2) controller.abort();
      },
    });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.epoch).toBeGreaterThanOrEqual(2);
    expect(cancelled.epoch).toBeLessThan(12);
    expect(cancelled.history).toHaveLength(cancelled.epoch);
    const kept = await checkpointEpochs(interrupted.id);
    expect(kept.length).toBeLessThanOrEqual(2);
    expect(kept.at(-1)).toBe(cancelled.epoch);
    expect(await db.modelArtifact.count({ where: { runId: interrupted.id } })).toBe(0);

    const resumed = await executeTrainingRun(interrupted.id);
    expect(resumed).toMatchObject({ status: "succeeded", epoch: 12, resumedFromEpoch: cancelled.epoch });
    expect(resumed.history.map((h) => h.epoch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await db.modelArtifact.count({ where: { runId: interrupted.id } })).toBe(1);

    const straight = await executeTrainingRun((await run(larger, spec)).id);
    expect(resumed.history).toEqual(straight.history);
    expect(resumed.evaluation).toEqual(straight.evaluation);
    const weights = async (runId: string) =>
      Buffer.from((await db.modelArtifact.findUniqueOrThrow({ where: { runId } })).weights).toString("base64");
    expect(await weights(interrupted.id)).toBe(await weights(straight.runId));
  }, 90_000);

  it("stops at its next checkpoint when another process asks to cancel the run", async () => {
    const created = await run(larger, { model: { hidden: [8] }, epochs: 30, batchSize: 8 });
    let asked = false;
    const outcome = await executeTrainingRun(created.id, {
      onEpoch: () => {
        if (asked) return;
        asked = true;
        void requestTrainingRunCancel(created.id);
      },
    });
    expect(outcome.status).toBe("cancelled");
    expect(outcome.epoch).toBeLessThan(30);
    expect(await requestTrainingRunCancel(created.id)).toBe(false);
  });

  it("marks a run failed with the reason when its data cannot be read", async () => {
    const id = await createDatasetVersion(csv(50));
    await db.datasetVersion.update({ where: { id }, data: { cleaned: new Uint8Array(Buffer.from("not json")) } });
    const created = await run(id, { epochs: 2 });
    const outcome = await executeTrainingRun(created.id);
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/JSON/);
    expect(await db.trainingRun.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: "failed" });
  });

  it("refuses a bad spec (ZodError → 422) and an unknown dataset version or run (not_found)", async () => {
    await expect(run(small, { optimizer: "rmsprop" } as unknown as TrainingSpecInput)).rejects.toBeInstanceOf(ZodError);
    await expect(run(randomUUID(), {})).rejects.toMatchObject({ code: "not_found" });
    await expect(executeTrainingRun(randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});
