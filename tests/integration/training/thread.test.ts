import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { BackendReport } from "../../../lib/training/backend/backend-order";
import { createPrng } from "../../../lib/training/engine/prng";
import { TrainingSpec, type EpochMetrics } from "../../../lib/training/schemas";
import { getTemplate } from "../../../lib/training/templates";
import { parkedTrainingThreads, runTrainingThread } from "../../../lib/training/thread/thread-client";
import type { Checkpoint } from "../../../lib/training/engine/train";
import { toTrainingData } from "../../../lib/training/engine/training-data";

const root = path.resolve(import.meta.dirname, "../../..");

function noisyBinary(rows: number) {
  const r = createPrng(11);
  const x = Array.from({ length: rows }, () => [r.next(), r.next(), r.next()]);
  const part = { x, y: x.map((v) => (v[0]! + v[1]! > 1 ? 1 : 0)) };
  return toTrainingData({
    preprocessing: { classes: ["0", "1"], encodedFeatureNames: ["a", "b", "c"] },
    train: part,
    validation: part,
    test: part,
  });
}

describe("the training thread", () => {
  it("trains in a worker thread started from vitest, reporting its backend, each epoch and checkpoints on request", async () => {
    const t = getTemplate("xor-adam")!;
    const spec = { ...t.spec, epochs: 30 };
    let backend: BackendReport | undefined;
    const epochs: EpochMetrics[] = [];
    const checkpoints: Checkpoint[] = [];
    const result = await runTrainingThread(
      { spec, data: toTrainingData(t.data), resumeFrom: null },
      {
        onBackend: (r) => (backend = r),
        onEpoch: (m) => epochs.push(m),
        onCheckpoint: async (cp) => void checkpoints.push(cp),
      },
    );
    expect(result.status).toBe("completed");
    if (result.status !== "completed") return;
    expect(backend?.backend).toBe("wasm");
    expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(result.history).toEqual(epochs);
    expect(result.probabilities).toHaveLength(4);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints[0]!.epoch).toBe(1);
    expect(checkpoints.at(-1)!.state.history).toEqual(epochs.slice(0, checkpoints.at(-1)!.epoch));
    expect(result.model.weightSpecs.map((w) => w.name)).toEqual([
      "hidden_1/kernel",
      "hidden_1/bias",
      "output/kernel",
      "output/bias",
    ]);
  });

  it("keeps the thread warm for the next run, which trains exactly as a fresh thread would", async () => {
    const t = getTemplate("xor-adam")!;
    const run = () =>
      runTrainingThread({ spec: { ...t.spec, epochs: 20 }, data: toTrainingData(t.data), resumeFrom: null });
    const first = await run();
    expect(parkedTrainingThreads()).toBe(1);
    const second = await run();
    expect(parkedTrainingThreads()).toBe(1);
    if (first.status !== "completed" || second.status !== "completed") throw new Error("both runs should complete");
    expect(second.history).toEqual(first.history);
    expect(second.probabilities).toEqual(first.probabilities);
    // Same layer and weight names: a checkpoint or artifact from one thread loads in another.
    expect(second.model.weightSpecs).toEqual(first.model.weightSpecs);
    expect(Buffer.from(second.model.weights).equals(Buffer.from(first.model.weights))).toBe(true);
    expect(second.model.modelTopology).toEqual(first.model.modelTopology);
  });

  it("stops within a batch or two of an abort and reports cancelled", async () => {
    // 500 batches per epoch: stopping between batches takes a small fraction of an epoch.
    const spec = TrainingSpec.parse({ model: { hidden: [8] }, epochs: 100, batchSize: 4, seed: 1 });
    const controller = new AbortController();
    let startedAt = 0;
    let abortedAt = 0;
    const result = await runTrainingThread(
      { spec, data: noisyBinary(2000), resumeFrom: null },
      {
        onBackend: () => (startedAt = performance.now()),
        onEpoch: () => {
          if (abortedAt) return;
          abortedAt = performance.now();
          controller.abort();
        },
      },
      controller.signal,
    );
    const epochMs = abortedAt - startedAt;
    const stopMs = performance.now() - abortedAt;
    expect(result).toEqual({ status: "cancelled", epoch: 1 });
    expect(stopMs, `stopped ${stopMs} ms after the abort; an epoch took ${epochMs} ms`).toBeLessThan(
      Math.min(epochMs / 2, 2_000),
    );
  });

  it("tries a preferred backend first and reports why it failed", async () => {
    const t = getTemplate("xor-adam")!;
    let report: BackendReport | undefined;
    await runTrainingThread(
      {
        spec: { ...t.spec, epochs: 1 },
        data: toTrainingData(t.data),
        resumeFrom: null,
        preferredBackend: "tensorflow",
      },
      { onBackend: (r) => (report = r) },
    );
    expect(report).toMatchObject({
      backend: "wasm",
      tried: [{ name: "tensorflow", error: expect.stringContaining("tfjs-node") }],
    });
  });

  it("rejects with the error raised inside the thread", async () => {
    const t = getTemplate("xor-adam")!;
    const data = { ...toTrainingData(t.data), classCount: 1 };
    await expect(runTrainingThread({ spec: t.spec, data, resumeFrom: null })).rejects.toThrow(/at least 2 classes/);
  });

  it("starts the same thread from a tsx process (npm run train)", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=react-server",
        "scripts/train.ts",
        "--template",
        "xor-adam",
        "--epochs",
        "20",
        "--json",
      ],
      { cwd: root, env: { ...process.env, LOG_LEVEL: "silent" } },
    );
    const out = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(out.backend).toMatch(/^wasm/);
    expect(out.history).toHaveLength(20);
    // The template has no test split: the CLI evaluates on the training data and says so.
    expect(out.evaluation).toMatchObject({ split: "train", samples: 4 });
    expect(out.verdict).toMatchObject({ kind: expect.any(String), evidence: { evaluatedOn: "train", heldOut: false } });
  });
});
