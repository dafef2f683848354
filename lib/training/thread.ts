/**
 * The training thread's body (started by ./thread-client.ts through
 * ./thread-entry.mjs). It loads TF.js, trains, and reports through messages;
 * cancellation and checkpoint requests arrive through a shared Int32Array so
 * they are seen between batches without waiting for the event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadTrainingBackend } from "./backend";
import { CONTROL, type ThreadInput, type ThreadMessage } from "./thread-protocol";
import { predictProbabilities, trainModel } from "./train";
import { evaluationSplit } from "./training-data";
import { saveModel } from "./weights";

const input = workerData as ThreadInput;
const control = new Int32Array(input.control);
const send = (message: ThreadMessage) => parentPort!.postMessage(message);

async function main(): Promise<void> {
  const { tf, report } = await loadTrainingBackend(input.preferredBackend);
  send({ type: "backend", report });
  const result = await trainModel(
    tf,
    input.spec,
    input.data,
    {
      shouldStop: () => Atomics.load(control, CONTROL.cancel) === 1,
      onEpoch: async (metrics, checkpoint) => {
        send({ type: "epoch", metrics });
        if (Atomics.compareExchange(control, CONTROL.wantCheckpoint, 1, 0) === 1) send({ type: "checkpoint", checkpoint: await checkpoint() });
      },
    },
    input.resumeFrom,
  );
  if (result.status === "cancelled") {
    send({ type: "done", result: { status: "cancelled", epoch: result.epoch } });
    return;
  }
  const probabilities = predictProbabilities(tf, result.model, result.head, input.data[evaluationSplit(input.data)].x);
  const model = await saveModel(tf, result.model);
  const { history, epoch, stoppedEarly, bestEpoch } = result;
  send({ type: "done", result: { status: "completed", history, epoch, stoppedEarly, bestEpoch, model, probabilities } });
}

main().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  send({ type: "error", message: e.message, stack: e.stack });
});
