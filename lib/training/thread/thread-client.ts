/**
 * Starts a training run in a worker thread and relays what it reports.
 * Training on the calling thread would stall its event loop (HTTP, queue
 * heartbeats), so the worker process's job handlers come through here.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BackendReport } from "../backend/backend";
import type { EpochMetrics } from "../schemas";
import {
  CONTROL,
  CONTROL_BYTES,
  type ThreadInput,
  type ThreadMessage,
  type ThreadRequest,
  type ThreadResult,
  type ThreadStart,
} from "./thread-protocol";
import type { Checkpoint } from "../engine/train";

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

// TF.js allocates a few short-lived objects per op, thousands of ops per epoch:
// with V8's default young generation (16 MB semi-spaces) the thread spent a
// tenth of its CPU in scavenges. A bigger nursery makes them rarer.
const YOUNG_GENERATION_MB = 192;

// One warm thread per backend preference, parked between runs: a run started
// while it is busy gets a thread of its own, which is parked or ended after.
const idle = new Map<string, Worker>();

function takeThread(preferredBackend: ThreadStart["preferredBackend"]): Worker {
  const key = preferredBackend ?? "";
  const parked = idle.get(key);
  if (parked) {
    idle.delete(key);
    parked.ref();
    return parked;
  }
  // execArgv [] : the entry registers its own TypeScript loader; the parent's
  // flags (vitest's, tsx's, --conditions) mean nothing to the thread.
  const worker = new Worker(threadEntry(), {
    workerData: { preferredBackend } satisfies ThreadStart,
    execArgv: [],
    name: "rackmind-training",
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  worker.once("exit", () => {
    if (idle.get(key) === worker) idle.delete(key);
  });
  return worker;
}

/** Training threads parked warm, waiting for a run (for tests and diagnostics). */
export function parkedTrainingThreads(): number {
  return idle.size;
}

function parkThread(worker: Worker, preferredBackend: ThreadStart["preferredBackend"]): void {
  const key = preferredBackend ?? "";
  if (idle.has(key)) {
    void worker.terminate();
    return;
  }
  // A parked thread must not keep the process alive.
  worker.unref();
  idle.set(key, worker);
}

/**
 * Runs `input` in a training thread (a warm one when one is parked). Resolves
 * with the thread's result ("cancelled" after `signal` aborts); rejects when
 * training fails. A thread that failed, or had to be killed, is not reused.
 */
export function runTrainingThread(
  input: Omit<ThreadInput, "control">,
  events: ThreadEvents = {},
  signal?: AbortSignal,
): Promise<ThreadResult> {
  const shared = new SharedArrayBuffer(CONTROL_BYTES);
  const control = new Int32Array(shared);
  // Without a taker, the thread never spends time serialising checkpoints.
  const wantsCheckpoints = events.onCheckpoint !== undefined;
  if (wantsCheckpoints) Atomics.store(control, CONTROL.wantCheckpoint, 1);
  const worker = takeThread(input.preferredBackend);

  return new Promise<ThreadResult>((resolve, reject) => {
    let stored: Promise<void> = Promise.resolve();
    let lastEpoch = input.resumeFrom?.epoch ?? 0;
    let settled = false;
    let exited = false;
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
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if ("result" in outcome && !exited) parkThread(worker, input.preferredBackend);
      else void worker.terminate();
      // Checkpoints already handed over are stored before the caller hears the outcome.
      void stored.then(
        () => ("result" in outcome ? resolve(outcome.result) : reject(outcome.error)),
        (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
      );
    };

    const onMessage = (message: ThreadMessage) => {
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
    };
    const onError = (err: Error) => finish({ error: err });
    const onExit = (code: number) => {
      exited = true;
      if (Atomics.load(control, CONTROL.cancel) === 1) finish({ result: { status: "cancelled", epoch: lastEpoch } });
      else finish({ error: new Error(`the training thread exited (code ${code}) without a result`) });
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);

    if (signal?.aborted) cancel();
    signal?.addEventListener("abort", cancel, { once: true });
    worker.postMessage({ type: "run", input: { ...input, control: shared } } satisfies ThreadRequest);
  });
}
