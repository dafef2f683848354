/**
 * Starts a training run in a worker thread and relays what it reports.
 * Training on the calling thread would stall its event loop (HTTP, queue
 * heartbeats), so the worker process's job handlers come through here.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BackendReport } from "./backend";
import type { EpochMetrics } from "./schemas";
import { CONTROL, CONTROL_BYTES, type ThreadInput, type ThreadMessage, type ThreadResult } from "./thread-protocol";
import type { Checkpoint } from "./train";

export type ThreadEvents = {
  onBackend?: (report: BackendReport) => void;
  /** Every finished epoch, as it happens. */
  onEpoch?: (metrics: EpochMetrics) => void;
  /**
   * A checkpoint to store. The thread sends the next one only after this
   * resolves, so a slow store skips epochs instead of queueing them.
   * Throwing stops the run with that error.
   */
  onCheckpoint?: (checkpoint: Checkpoint) => Promise<void>;
};

/** After a cancel, how long the thread gets to stop between batches before it is terminated. */
const CANCEL_GRACE_MS = 10_000;

// Resolved at call time from this file's location. Not `new Worker(new URL(…))`
// inline: bundlers recognise that pattern and would try to bundle the thread.
function threadEntry(): string {
  return fileURLToPath(new URL("./thread-entry.mjs", import.meta.url));
}

/**
 * Runs `input` in a new worker thread. Resolves with the thread's result
 * ("cancelled" after `signal` aborts); rejects when training fails.
 */
export function runTrainingThread(input: Omit<ThreadInput, "control">, events: ThreadEvents = {}, signal?: AbortSignal): Promise<ThreadResult> {
  const shared = new SharedArrayBuffer(CONTROL_BYTES);
  const control = new Int32Array(shared);
  // Without a taker, the thread never spends time serialising checkpoints.
  const wantsCheckpoints = events.onCheckpoint !== undefined;
  if (wantsCheckpoints) Atomics.store(control, CONTROL.wantCheckpoint, 1);
  // execArgv [] : the entry registers its own TypeScript loader; the parent's
  // flags (vitest's, tsx's, --conditions) mean nothing to the thread.
  const worker = new Worker(threadEntry(), { workerData: { ...input, control: shared } satisfies ThreadInput, execArgv: [], name: "rackmind-training" });

  return new Promise<ThreadResult>((resolve, reject) => {
    let stored: Promise<void> = Promise.resolve();
    let lastEpoch = input.resumeFrom?.epoch ?? 0;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const cancel = () => {
      Atomics.store(control, CONTROL.cancel, 1);
      killTimer ??= setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
    };
    const finish = (outcome: { result: ThreadResult } | { error: Error }) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", cancel);
      clearTimeout(killTimer);
      // Checkpoints already handed over are stored before the caller hears the outcome.
      void stored.then(
        () => ("result" in outcome ? resolve(outcome.result) : reject(outcome.error)),
        (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
      );
      void worker.terminate();
    };

    if (signal?.aborted) cancel();
    signal?.addEventListener("abort", cancel, { once: true });

    worker.on("message", (message: ThreadMessage) => {
      switch (message.type) {
        case "backend":
          events.onBackend?.(message.report);
          break;
        case "epoch":
          lastEpoch = message.metrics.epoch;
          events.onEpoch?.(message.metrics);
          break;
        case "checkpoint":
          stored = stored
            .then(() => events.onCheckpoint?.(message.checkpoint))
            .then(() => void Atomics.store(control, CONTROL.wantCheckpoint, 1));
          stored.catch(cancel);
          break;
        case "done":
          finish({ result: message.result });
          break;
        case "error": {
          const error = new Error(message.message);
          if (message.stack) error.stack = message.stack;
          finish({ error });
        }
      }
    });
    worker.on("error", (err) => finish({ error: err }));
    worker.on("exit", (code) => {
      if (Atomics.load(control, CONTROL.cancel) === 1) finish({ result: { status: "cancelled", epoch: lastEpoch } });
      else finish({ error: new Error(`the training thread exited (code ${code}) without a result`) });
    });
  });
}
