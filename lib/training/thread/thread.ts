/**
 * The training thread's body (started by ./thread-client.ts through
 * ./thread-entry.mjs). It loads TF.js once, then trains one run per "run"
 * message and reports through messages; the client keeps the thread warm
 * between runs, so a run does not pay the ~2 s of CPU that starting a thread,
 * its TypeScript loader and TF.js's WebAssembly cost. Cancellation and
 * checkpoint requests arrive through a shared Int32Array per run, so they are
 * seen between batches without waiting for the event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadTrainingBackend } from "../backend/backend";
import { CONTROL, type ThreadRequest, type ThreadMessage, type ThreadInput, type ThreadStart } from "./thread-protocol";
import { predictProbabilities, trainModel } from "../engine/train";
import { evaluationSplit } from "../engine/training-data";
import { saveModel } from "../engine/weights";

const send = (message: ThreadMessage) => parentPort!.postMessage(message);
const loaded = loadTrainingBackend((workerData as ThreadStart).preferredBackend);

async function run(input: ThreadInput): Promise<void> {
  const control = new Int32Array(input.control);
  const { tf, report } = await loaded;
  send({ type: "backend", report });
  const result = await trainModel(
    tf,
    input.spec,
    input.data,
    {
      shouldStop: () => Atomics.load(control, CONTROL.cancel) === 1,
      onEpoch: async (metrics, checkpoint) => {
        send({ type: "epoch", metrics });
        if (Atomics.compareExchange(control, CONTROL.wantCheckpoint, 1, 0) === 1)
          send({ type: "checkpoint", checkpoint: await checkpoint() });
      },
    },
    input.resumeFrom,
  );
  if (result.status === "cancelled") {
    send({ type: "done", result: { status: "cancelled", epoch: result.epoch } });
    return;
  }
  try {
    const probabilities = predictProbabilities(
      tf,
      result.model,
      result.head,
      input.data[evaluationSplit(input.data)].x,
    );
    const model = await saveModel(tf, result.model);
    const { history, epoch, stoppedEarly, bestEpoch } = result;
    send({
      type: "done",
      result: { status: "completed", history, epoch, stoppedEarly, bestEpoch, model, probabilities },
    });
  } finally {
    // The thread outlives the run: its model's tensors must not.
    result.model.dispose();
  }
}

parentPort!.on("message", (request: ThreadRequest) => {
  run(request.input).catch((err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    send({ type: "error", message: e.message, stack: e.stack });
  });
});
